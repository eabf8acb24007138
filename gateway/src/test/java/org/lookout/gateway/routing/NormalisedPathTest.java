package org.lookout.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalisedPathTest {

    @ParameterizedTest
    @CsvSource({
            "/, /",
            "/api/complaints, /api/complaints",
            "/api/complaints/, /api/complaints/",
            // matrix parameters, on any segment, also on dot segments
            "/api/complaints/track;x=1/DCY-1, /api/complaints/track/DCY-1",
            "/api;a=b/complaints;c/track;;/DCY-1;d=e, /api/complaints/track/DCY-1",
            "/api/taxonomy/..;x=1/cadres, /api/cadres",
            "/api/;x=1/complaints, /api/complaints",
            // percent-encoded unreserved characters, either case
            "/api/%63omplaints, /api/complaints",
            "/api/%43omplaints, /api/Complaints",
            "/api/complaints/%7e%2D%2e%5F, /api/complaints/~-._",
            // other encodings stay encoded, upper-cased
            "/api/complaints/%c3%a9, /api/complaints/%C3%A9",
            "/api/complaints/a%20b%3fc%25, /api/complaints/a%20b%3Fc%25",
            // dot segments, also encoded
            "/api/./complaints, /api/complaints",
            "/api/taxonomy/../cadres/1, /api/cadres/1",
            "/api/taxonomy/%2e%2e/cadres, /api/cadres",
            "/api/taxonomy/%2E%2E/cadres, /api/cadres",
            "/api/taxonomy/.%2e/cadres, /api/cadres",
            "/api/taxonomy/%2e./cadres, /api/cadres",
            "/api/complaints/., /api/complaints/",
            "/api/complaints/.., /api/",
            "/../../api/cadres, /api/cadres",
            "/.., /",
            "/., /",
            // empty segments
            "//api//complaints///track, /api/complaints/track",
            "/api/complaints//, /api/complaints/",
            // characters that stand for themselves
            "/open311/v2/requests.json, /open311/v2/requests.json"
    })
    void a_path_has_one_normal_form(String raw, String normal) {
        assertThat(NormalisedPath.of(raw)).isEqualTo(new NormalisedPath.Routable(normal));
    }

    @Test
    void sub_delimiters_colon_and_at_stand_for_themselves() {
        assertThat(NormalisedPath.of("/api/x/a:b@c!$&'()*+,="))
                .isEqualTo(new NormalisedPath.Routable("/api/x/a:b@c!$&'()*+,="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/taxonomy%2f..%2fcadres", "/api/taxonomy%2F..%2Fcadres", "/api/a%5cb", "/api/a%5Cb",
            "/api/a\\b", "/api/track%3bx=1", "/api/a%00", "/api/a%0d%0aINFO", "/api/a%0A", "/api/a%7f", "/api/a%1F"})
    void a_path_that_would_mean_another_path_to_a_service_is_not_routed(String raw) {
        assertThat(NormalisedPath.of(raw)).isEqualTo(NormalisedPath.AMBIGUOUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/%zz", "/api/%4", "/api/%", "/api/%%41", "/api/%g1"})
    void a_malformed_encoding_is_a_bad_request(String raw) {
        assertThat(NormalisedPath.of(raw)).isEqualTo(NormalisedPath.MALFORMED_ENCODING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/a b", "/api/a\"b", "/api/<script>", "/api/a{b}", "/api/a|b", "/api/a^b", "/api/a`b",
            "/api/é", "/api/a#b", "/api/a[0]"})
    void a_character_that_must_be_encoded_is_a_bad_request(String raw) {
        assertThat(NormalisedPath.of(raw)).isEqualTo(NormalisedPath.ILLEGAL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "api/complaints"})
    void a_path_that_does_not_start_at_the_root_is_not_routed(String raw) {
        assertThat(NormalisedPath.of(raw)).isInstanceOfSatisfying(NormalisedPath.Rejected.class,
                rejected -> assertThat(rejected.status()).isEqualTo(404));
    }
}
