package org.lookout.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kafka ACLs (deploy/kafka/acls.txt) against what each service really does, read from the files, without a stack: a
 * service that starts consuming a topic, a group or a dead-letter topic its ACLs do not grant fails here, not on the
 * broker; every principal is a Keycloak client whose tokens carry the Kafka audience; every agency of the directory has
 * its topic and ACLs. {@link KafkaSecurityIT} shows the broker enforcing them.
 */
class KafkaAccessTest {

    private static final Path ROOT = Path.of(System.getProperty("lookout.root", ".."));
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id|dead-letter-queue\\.topic)");

    private static Set<String> production;
    private static Set<String> development;
    private static List<String> agencies;
    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        agencies = lines(ROOT.resolve("deploy/kafka/agencies.txt"));
        production = acls(ROOT.resolve("deploy/kafka/acls.txt"));
        development = acls(ROOT.resolve("deploy/kafka/acls-development.txt"));
        realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/lookout-realm.json").toFile());
    }

    static Stream<String> kafkaServices() {
        return Stream.of("complaint-service", "cadre-registry-service", "escalation-service", "notification-service");
    }

    @ParameterizedTest
    @MethodSource("kafkaServices")
    void everyServiceMayReadWhatItConsumesWithItsGroupAndWriteItsDeadLetterTopic(String module) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(properties(module))));
        String principal = "User:kafka-" + module;
        List<String> consumed = new ArrayList<>();

        for (String name : properties.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(name);
            if (!incoming.matches()) {
                continue;
            }
            String value = properties.getProperty(name);
            switch (incoming.group(2)) {
                case "topic" -> {
                    consumed.add(value);
                    assertThat(production).as(name).contains(principal + " READ TOPIC LITERAL " + value);
                }
                case "group.id" -> assertThat(production).as(name).contains(principal + " READ GROUP LITERAL " + value);
                default -> {
                    assertThat(production).as(name).contains(principal + " WRITE TOPIC LITERAL " + value);
                    assertThat(Files.readString(ROOT.resolve("deploy/local/kafka.sh"))).as("./lookout creates " + value)
                            .contains(value);
                }
            }
        }
        // and reads nothing else
        assertThat(production).filteredOn(acl -> acl.startsWith(principal + " READ TOPIC "))
                .allSatisfy(acl -> assertThat(consumed).contains(acl.substring(acl.lastIndexOf(' ') + 1)));
    }

    @ParameterizedTest
    @MethodSource("kafkaServices")
    void everyServiceLogsInAsItsOwnClientWithASecretFromItsEnvironment(String module) throws IOException {
        String properties = Files.readString(properties(module));

        assertThat(properties).contains("%prod.kafka.security.protocol=${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        assertThat(properties).contains(
                "%prod.kafka.sasl.oauthbearer.client.credentials.client.id=${KAFKA_CLIENT_ID:kafka-" + module + "}\n");
        // no committed secret: %prod without KAFKA_CLIENT_SECRET cannot log in
        assertThat(properties).contains("%prod.kafka.sasl.oauthbearer.client.credentials.client.secret=${KAFKA_CLIENT_SECRET:}\n");
    }

    @Test
    void inProductionOnlyComplaintNotificationAndCadreRegistryServiceReadTheEscalationTopic() {
        // no agency: the topic carries every agency's escalations (notification-service tells the people concerned,
        // the cadre registry takes the discipline organ's outcome)
        assertThat(production).filteredOn(acl -> acl.endsWith(" TOPIC LITERAL " + Topics.ESCALATION)
                && acl.contains(" READ "))
                .containsExactlyInAnyOrder("User:kafka-complaint-service READ TOPIC LITERAL " + Topics.ESCALATION,
                        "User:kafka-notification-service READ TOPIC LITERAL " + Topics.ESCALATION,
                        "User:kafka-cadre-registry-service READ TOPIC LITERAL " + Topics.ESCALATION);
        assertThat(production).noneMatch(acl -> acl.contains(" PREFIXED lookout.escalation")
                || acl.contains(" PREFIXED lookout. ") || acl.endsWith(" PREFIXED lookout."));
    }

    @Test
    void eachAgencyReadsOnlyItsOwnTopicWithGroupsOfItsOwn() {
        for (String code : agencies) {
            assertThat(production).filteredOn(acl -> acl.startsWith("User:agency-" + code + " "))
                    .containsExactlyInAnyOrder("User:agency-" + code + " READ TOPIC LITERAL lookout.agency." + code + ".v1",
                            "User:agency-" + code + " READ GROUP PREFIXED agency-" + code + ".");
        }
    }

    @Test
    void everyAgencyOfTheDirectoryHasItsTopic() throws IOException {
        Set<String> directory = new LinkedHashSet<>();
        try (Stream<Path> migrations = Files.list(ROOT.resolve("escalation-service/src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher row = Pattern.compile("\\(\\s*'([a-z0-9][a-z0-9-]+)',\\s*'[A-Z_]+',")
                        .matcher(Files.readString(migration));
                while (row.find()) {
                    directory.add(row.group(1));
                }
            }
        }

        assertThat(directory).isNotEmpty();
        assertThat(agencies).containsAll(directory);
    }

    @Test
    void everyPrincipalIsAClientCredentialsClientWithTheKafkaAudience() {
        Set<String> principals = new LinkedHashSet<>();
        Stream.concat(production.stream(), development.stream())
                .forEach(acl -> principals.add(acl.substring("User:".length(), acl.indexOf(' '))));
        principals.removeIf(principal -> principal.startsWith("agency-") && !hasClient(principal));

        assertThat(principals).contains("kafka-complaint-service", "kafka-cadre-registry-service",
                "kafka-escalation-service", "kafka-notification-service", "kafka-system-tests", "agency-police-dcy");
        for (String principal : principals) {
            JsonNode client = client(principal);
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(principal).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(principal).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(principal).isFalse();
            assertThat(client.path("publicClient").asBoolean()).as(principal).isFalse();
            assertThat(client.path("protocolMappers").findValuesAsText("included.custom.audience"))
                    .as(principal).contains("lookout-kafka");
        }
    }

    @Test
    void theServicesKafkaClientsCannotCallTheApi() {
        for (String module : kafkaServices().toList()) {
            JsonNode client = client("kafka-" + module);
            assertThat(client.path("protocolMappers").findValuesAsText("included.client.audience"))
                    .as(module).doesNotContain("lookout-api");
            assertThat(client.path("fullScopeAllowed").asBoolean()).as(module).isFalse();
        }
    }

    @Test
    void noUserTokenCarriesTheKafkaAudience() {
        assertThat(client("lookout-app").path("protocolMappers").findValuesAsText("included.custom.audience"))
                .doesNotContain("lookout-kafka");
    }

    private static boolean hasClient(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in deploy/keycloak/lookout-realm.json");
    }

    private static Path properties(String module) {
        return ROOT.resolve(module).resolve("src/main/resources/application.properties");
    }

    /** The ACL lines of a file, columns joined by one space, {agency} lines once per agency. */
    private static Set<String> acls(Path file) throws IOException {
        Set<String> acls = new LinkedHashSet<>();
        for (String line : lines(file)) {
            String acl = String.join(" ", line.split("\\s+"));
            if (acl.contains("{agency}")) {
                agencies.forEach(code -> acls.add(acl.replace("{agency}", code)));
            } else {
                acls.add(acl);
            }
        }
        return acls;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }
}
