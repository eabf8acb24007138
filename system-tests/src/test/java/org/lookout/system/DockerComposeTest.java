package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docker-compose.yml cannot run on the machines that build Lookout (no Docker engine), so it is read here instead: every
 * service must point at the right infrastructure and ports, and read the variables it is given, or this fails.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final Pattern LOOKOUT_DEPENDENCY = Pattern.compile(
            "<groupId>org\\.lookout</groupId>\\s*<artifactId>([a-z-]+)</artifactId>");
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    /** name in compose (the module's), module, port, database (null for the gateway): deploy/services.tsv. */
    static Stream<Arguments> services() {
        return ServicesTable.rows().stream()
                .map(row -> Arguments.of(row.module(), row.module(), row.port(), row.database()));
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceIsBuiltFromItsModuleAndListensOnItsPort(String name, String module, int port, String database) {
        JsonNode service = compose.path("services").path(name);

        assertThat(service.path("build").path("context").asText()).isEqualTo("./" + module);
        assertThat(ROOT.resolve(module).resolve(service.path("build").path("dockerfile").asText())).exists();
        assertThat(env(service, "QUARKUS_HTTP_PORT")).isEqualTo(String.valueOf(port));
        // only the gateway is published (ListeningInterfacesTest); the others are reached inside the network
        assertThat(name.equals("gateway") ? texts(service.path("ports")) : texts(service.path("expose")))
                .anyMatch(mapping -> mapping.endsWith(":" + port) || mapping.equals(String.valueOf(port)));
        assertThat(propertiesOf(module)).containsPattern("(?m)^quarkus\\.http\\.port=.*\\b" + port + "\\b");
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceUsesTheSharedInfrastructure(String name, String module, int port, String database) {
        JsonNode service = compose.path("services").path(name);

        URI issuer = URI.create(env(service, "OIDC_AUTH_SERVER_URL"));
        assertThat(issuer.getHost()).isEqualTo("keycloak");
        assertThat(texts(compose.path("services").path("keycloak").path("command"))).contains("--http-port=" + issuer.getPort());
        assertThat(issuer.getPath()).isEqualTo("/realms/lookout");
        if (database == null) {
            return;
        }
        assertThat(env(service, "DB_HOST")).isEqualTo("postgres");
        assertThat(env(service, "DB_PORT")).isEqualTo("5432");
        assertThat(env(service, "DB_NAME")).isEqualTo(database);
        assertThat(env(service, "DB_USER")).isEqualTo(database);
        assertThat(env(service, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(env(compose.path("services").path("kafka"), "KAFKA_ADVERTISED_LISTENERS")).contains("//kafka:9092");
        assertThat(readString(ROOT.resolve("deploy/postgres/init-databases.sql")))
                .contains("CREATE DATABASE " + database + " OWNER " + database);
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableGivenToAServiceIsReadByIt(String name, String module, int port, String database) {
        JsonNode service = compose.path("services").path(name);
        String properties = propertiesOf(module) + librariesDefaultsOf(module);

        for (Iterator<String> it = service.path("environment").fieldNames(); it.hasNext();) {
            String variable = it.next();
            if (variable.startsWith("QUARKUS_") || variable.startsWith("JAVA_")) {
                continue; // read by Quarkus and the image's launcher themselves
            }
            assertThat(properties).as("%s reads %s", module, variable).contains("${" + variable);
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void prometheusScrapesTheServiceOnItsManagementInterface(String name, String module, int port, String database) {
        assertThat(readString(ROOT.resolve("deploy/prometheus/prometheus.yml")))
                .contains("\"" + name + ":" + (port + 1000) + "\"")
                .doesNotContain("\"" + name + ":" + port + "\"");
    }

    @Test
    void gatewayRoutesToEachServiceByItsComposeName() {
        JsonNode gateway = compose.path("services").path("gateway");

        assertThat(env(gateway, "COMPLAINT_SERVICE_URL")).isEqualTo("http://complaint-service:8081");
        assertThat(env(gateway, "CADRE_REGISTRY_SERVICE_URL")).isEqualTo("http://cadre-registry-service:8082");
        assertThat(env(gateway, "COMPLAINT_SERVICE_MANAGEMENT_URL")).isEqualTo("http://complaint-service:9081");
        assertThat(env(gateway, "NOTIFICATION_SERVICE_MANAGEMENT_URL")).isEqualTo("http://notification-service:9084");
        assertThat(env(gateway, "ESCALATION_SERVICE_URL")).isEqualTo("http://escalation-service:8083");
        assertThat(env(gateway, "NOTIFICATION_SERVICE_URL")).isEqualTo("http://notification-service:8084");
    }

    @Test
    void kafkaAuthenticatesEveryListenerAndDeniesWhatNoAclAllows() {
        JsonNode kafka = compose.path("services").path("kafka");

        assertThat(env(kafka, "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
        assertThat(env(kafka, "KAFKA_AUTHORIZER_CLASS_NAME"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(env(kafka, "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(env(kafka, "KAFKA_SUPER_USERS")).isEqualTo("User:broker");
        assertThat(env(kafka, "KAFKA_SASL_OAUTHBEARER_EXPECTED_AUDIENCE")).isEqualTo("lookout-kafka");
        assertThat(env(kafka, "KAFKA_SASL_OAUTHBEARER_SUB_CLAIM_NAME")).isEqualTo("azp");
        assertThat(env(kafka, "KAFKA_OPTS")).contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls="
                + env(kafka, "KAFKA_SASL_OAUTHBEARER_JWKS_ENDPOINT_URL"));
        JsonNode setup = compose.path("services").path("kafka-setup");
        assertThat(texts(setup.path("volumes"))).anyMatch(volume -> volume.startsWith("./deploy/kafka:"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceLogsInToKafkaAsItsOwnClient(String name, String module, int port, String database) {
        if (database == null) {
            return; // the gateway has no Kafka client
        }
        JsonNode service = compose.path("services").path(name);

        assertThat(env(service, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
        assertThat(env(service, "KAFKA_SASL_MECHANISM")).isEqualTo("OAUTHBEARER");
        assertThat(env(service, "KAFKA_CLIENT_ID")).isEqualTo("kafka-" + module);
        assertThat(env(service, "KAFKA_CLIENT_SECRET")).as("taken from the environment").startsWith("${");
        assertThat(env(service, "JAVA_OPTS_APPEND")).contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls="
                + env(service, "KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL"));
        assertThat(service.path("depends_on").path("kafka-setup").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void theReferenceDataTopicIsCreatedCompacted() {
        String setup = String.join("\n", texts(compose.path("services").path("kafka-setup").path("command")));

        assertThat(setup).containsPattern("--topic lookout.complaint.reference.v1\\s*\\\\?\\s*--partitions 6 "
                + "--replication-factor 1 --config cleanup.policy=compact");
    }

    @Test
    void keycloakImportsTheRealmThatLookoutUpImports() {
        JsonNode keycloak = compose.path("services").path("keycloak");

        assertThat(texts(keycloak.path("command"))).contains("--import-realm");
        assertThat(texts(keycloak.path("volumes"))).anyMatch(volume -> volume.startsWith("./deploy/keycloak:"));
        assertThat(ROOT.resolve("deploy/keycloak/lookout-realm.json")).exists();
    }

    private static String env(JsonNode service, String name) {
        JsonNode value = service.path("environment").path(name);
        assertThat(value.isMissingNode()).as("%s is set", name).isFalse();
        return value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static String propertiesOf(String module) {
        return readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
    }

    /** What the Lookout libraries the module depends on ship in their META-INF/microprofile-config.properties. */
    private static String librariesDefaultsOf(String module) {
        String pom = readString(ROOT.resolve(module).resolve("pom.xml"));
        StringBuilder defaults = new StringBuilder();
        Matcher dependency = LOOKOUT_DEPENDENCY.matcher(pom);
        while (dependency.find()) {
            Path shipped = ROOT.resolve(dependency.group(1))
                    .resolve("src/main/resources/META-INF/microprofile-config.properties");
            if (Files.exists(shipped)) {
                defaults.append('\n').append(readString(shipped));
            }
        }
        return defaults.toString();
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
