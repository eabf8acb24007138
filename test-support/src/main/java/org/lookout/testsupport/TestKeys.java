package org.lookout.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secret keys for tests, random per test JVM and never committed: {@code lookout.test.pseudonym-key},
 * {@code lookout.test.delivery-key}, {@code lookout.test.identity-key}, {@code lookout.test.secrets-key} (base64 of 32
 * random bytes each). A service's {@code application.properties} points its keys at them
 * ({@code %test.lookout.notification.pseudonym-key=${lookout.test.pseudonym-key}}); a test reads a key from the
 * application's configuration, as the service does. Registered as a MicroProfile config source by this jar; the values
 * live in the JVM's system properties, so every class loader of a Quarkus test sees the same ones.
 */
public final class TestKeys implements ConfigSource {

    private static final Set<String> NAMES = Set.of("lookout.test.pseudonym-key", "lookout.test.delivery-key",
            "lookout.test.identity-key", "lookout.test.secrets-key");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key {@code name} of this JVM (one of the four above), made on first use. */
    public static String of(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no test key " + name);
        }
        return (String) System.getProperties().computeIfAbsent(name, ignored -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.contains(propertyName) ? of(propertyName) : null;
    }

    @Override
    public String getName() {
        return "lookout-test-keys";
    }

    @Override
    public int getOrdinal() {
        // below the application's own application.properties (250): a test that sets a key itself wins
        return 200;
    }
}
