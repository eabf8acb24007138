package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class TestKeysTest {

    @Test
    void eachKeyIsRandomStablePerJvmAnd32Bytes() {
        String pseudonym = TestKeys.of("lookout.test.pseudonym-key");

        assertThat(TestKeys.of("lookout.test.pseudonym-key")).isEqualTo(pseudonym);
        assertThat(TestKeys.of("lookout.test.delivery-key")).isNotEqualTo(pseudonym);
        assertThat(Base64.getDecoder().decode(pseudonym)).hasSize(32);
        assertThatThrownBy(() -> TestKeys.of("lookout.test.other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAConfigSourceOfThisJar() {
        ConfigSource source = ServiceLoader.load(ConfigSource.class).stream().map(ServiceLoader.Provider::get)
                .filter(TestKeys.class::isInstance).findFirst().orElseThrow();

        assertThat(source.getValue("lookout.test.identity-key")).isEqualTo(TestKeys.of("lookout.test.identity-key"));
        assertThat(source.getValue("quarkus.http.port")).isNull();
    }
}
