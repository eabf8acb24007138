package org.lookout.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void aKeyIsOneTo255PrintableCharacters() {
        assertThat(IdempotencyKey.isValid("8e03978e-40d5-43e8-bc93-6894a57f9324")).isTrue();
        assertThat(IdempotencyKey.isValid("\"quoted sf-string\"")).isTrue();
        assertThat(IdempotencyKey.isValid("x".repeat(255))).isTrue();
        assertThat(IdempotencyKey.isValid("")).isFalse();
        assertThat(IdempotencyKey.isValid(null)).isFalse();
        assertThat(IdempotencyKey.isValid("x".repeat(256))).isFalse();
        assertThat(IdempotencyKey.isValid("tab\there")).isFalse();
        assertThat(IdempotencyKey.isValid("schlüssel")).isFalse();
    }

    @Test
    void theFingerprintCoversMethodPathAndBody() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String fingerprint = IdempotencyKey.fingerprint("POST", "/api/complaints", body);

        assertThat(fingerprint).hasSize(64).isEqualTo(IdempotencyKey.fingerprint("POST", "/api/complaints", body.clone()));
        assertThat(IdempotencyKey.fingerprint("POST", "/api/other", body)).isNotEqualTo(fingerprint);
        assertThat(IdempotencyKey.fingerprint("PUT", "/api/complaints", body)).isNotEqualTo(fingerprint);
        assertThat(IdempotencyKey.fingerprint("POST", "/api/complaints", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(fingerprint);
    }
}
