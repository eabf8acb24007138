package org.lookout.complaint.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.config.IdentityConfig;

class ReporterIdentityCipherTest {

    private static final String OLD_KEY = base64("0123456789abcdef0123456789abcdef");
    private static final String NEW_KEY = base64("fedcba9876543210fedcba9876543210");
    private static final UUID REPORT = UUID.randomUUID();

    @Test
    void valuesWrittenUnderTheOldKeyStillDecryptAfterARotation() {
        ReporterIdentityCipher before = cipher(Map.of("k1", OLD_KEY), "k1");
        byte[] stored = before.encrypt(REPORT, "李四");

        ReporterIdentityCipher after = cipher(Map.of("k1", OLD_KEY, "k2", NEW_KEY), "k2");

        assertThat(after.currentKey()).isEqualTo("k2");
        assertThat(after.decrypt("k1", REPORT, stored)).isEqualTo("李四");
        byte[] rewritten = after.encrypt(REPORT, "李四");
        assertThat(after.decrypt("k2", REPORT, rewritten)).isEqualTo("李四");
        assertThatThrownBy(() -> after.decrypt("k1", REPORT, rewritten)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachValueHasItsOwnIvAndIsBoundToItsReport() {
        ReporterIdentityCipher cipher = cipher(Map.of("k1", OLD_KEY), "k1");

        byte[] one = cipher.encrypt(REPORT, "13800138000");
        byte[] two = cipher.encrypt(REPORT, "13800138000");

        assertThat(one).isNotEqualTo(two);
        assertThatThrownBy(() -> cipher.decrypt("k1", UUID.randomUUID(), one))
                .as("bound to its report").isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt(REPORT, null)).isNull();
    }

    @Test
    void aBadConfigurationStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> cipher(Map.of("k1", OLD_KEY), "k9")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> cipher(Map.of("k1", "not base64!"), "k1")).hasMessageContaining("base64");
    }

    private static String base64(String key) {
        return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }

    private static ReporterIdentityCipher cipher(Map<String, String> keys, String current) {
        return new ReporterIdentityCipher(new IdentityConfig() {
            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public String currentKey() {
                return current;
            }
        });
    }
}
