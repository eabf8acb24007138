package org.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicLocationsTest {

    private final PublicLocations locations = new PublicLocations(URI.create("https://lookout.example.org/"),
            List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://Complaints.internal"),
                    URI.create("https://[::1]:8443")));

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8081/api/complaints/1, https://lookout.example.org/api/complaints/1",
            "HTTP://127.0.0.1:8081/api/complaints/1?x=1#f, https://lookout.example.org/api/complaints/1?x=1#f",
            "http://user@127.0.0.1:8081/a, https://lookout.example.org/a",
            "http://127.0.0.1:8081, https://lookout.example.org/",
            "http://127.0.0.1:8081?x, https://lookout.example.org/?x",
            "http://complaints.internal/a, https://lookout.example.org/a",
            "http://complaints.internal:80/a, https://lookout.example.org/a",
            "https://[::1]:8443/a, https://lookout.example.org/a",
            "//127.0.0.1:8081/a, https://lookout.example.org/a",
            // the caller's Host (forged or not) is the gateway itself
            "http://evil.example/a, https://lookout.example.org/a",
            "http://EVIL.example:80/a, https://lookout.example.org/a"
    })
    void a_link_to_an_upstream_or_the_callers_host_points_at_the_public_url(String location, String expected) {
        assertThat(locations.rewrite(location, "http", "evil.example")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/complaints/1", "api/complaints/1", "?page=2", "https://maps.example.org/x",
            "http://127.0.0.1:8082/a", "http://127.0.0.1/a", "http://evil.example:8080/a",
            "mailto:office@lookout.example.org", "http://127.0.0.1:80x81/a"})
    void relative_links_and_links_elsewhere_stay(String location) {
        assertThat(locations.rewrite(location, "http", "evil.example")).isEqualTo(location);
    }

    @Test
    void a_public_url_keeps_its_path_as_the_base() {
        PublicLocations behindAPrefix = new PublicLocations(URI.create("https://city.example/lookout"),
                List.of(URI.create("http://127.0.0.1:8081")));
        assertThat(behindAPrefix.rewrite("http://127.0.0.1:8081/api/complaints/1", "http", null))
                .isEqualTo("https://city.example/lookout/api/complaints/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "ftp://lookout.example.org", "https://lookout.example.org/?x=1",
            "https://lookout.example.org/#top"})
    void a_public_url_that_is_no_http_base_is_refused_at_start(String publicUrl) {
        assertThatThrownBy(() -> new PublicLocations(URI.create(publicUrl), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public-url");
    }
}
