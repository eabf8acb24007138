package org.lookout.escalation.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.AgencyKind;
import org.lookout.escalation.EscalationTestResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13: every agency of the directory can act. The directory a new installation gets (this service's migrations, run
 * into a schema of their own) and the Keycloak realm the stack imports ({@code deploy/keycloak/lookout-realm.json}) must
 * agree: each active agency but a street office has its own confidential client, whose service account holds the
 * {@code agency} role and whose tokens carry the agency's code in the {@code agency} claim and the API's audience; a
 * street office has none (its street's supervisors act); and every agency client of the realm is in the directory.
 */
@QuarkusTest
@EscalationTestResources
class DirectoryRealmAgreementTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "lookout-realm.json");
    private static final String SCHEMA = "directory_as_installed";

    /** An entry of the directory, as a fresh installation holds it. */
    record Entry(String code, AgencyKind kind, String client, boolean active) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDirectoryOfANewInstallationAndTheRealmAgree() throws Exception {
        List<Entry> directory = installedDirectory();

        assertThat(directory).extracting(Entry::code).contains("police-dcy", "civil-affairs", "housing",
                "urban-management", "discipline-city", "street-office-dcyjd");
        assertThat(disagreements(directory, realm())).isEmpty();
    }

    @Test
    void eachKindOfDisagreementIsNamed() throws IOException {
        List<Entry> directory = List.of(new Entry("police-dcy", AgencyKind.POLICE_STATION, "agency-police-dcy", true),
                new Entry("housing", AgencyKind.HOUSING, null, true),
                new Entry("gone", AgencyKind.HOUSING, null, false),
                new Entry("street-office-x", AgencyKind.STREET_OFFICE, "agency-street", true),
                new Entry("market-dcy", AgencyKind.MARKET_REGULATION, "agency-market-dcy", true));
        JsonNode realm = realm();
        // the police client's tokens name another agency
        StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals("agency-police-dcy"))
                .flatMap(client -> StreamSupport.stream(client.get("protocolMappers").spliterator(), false))
                .filter(mapper -> mapper.path("name").asText().equals("agency"))
                .forEach(mapper -> ((ObjectNode) mapper.get("config")).put("claim.value", "market-dcy"));
        // market regulation's client is missing
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).path("clientId").asText().equals("agency-market-dcy")) {
                clients.remove(i);
            }
        }

        assertThat(disagreements(directory, realm)).containsExactlyInAnyOrder(
                "agency police-dcy: the tokens of client agency-police-dcy carry agency claim market-dcy",
                "agency housing: active without a client of its own",
                "agency street-office-x: a street office has a client (agency-street); its supervisors act",
                "agency market-dcy: client agency-market-dcy is not in the realm",
                "client agency-psb-district (agency psb-district) is not in the directory",
                "client agency-discipline-district (agency discipline-district) is not in the directory",
                "client agency-civil-affairs (agency civil-affairs) is not in the directory",
                "client agency-housing (agency housing) is not in the directory",
                "client agency-urban-management (agency urban-management) is not in the directory",
                "client agency-discipline-city (agency discipline-city) is not in the directory");
    }

    /** What does not agree, one line each; empty when the directory and the realm agree. */
    static List<String> disagreements(List<Entry> directory, JsonNode realm) {
        List<String> found = new ArrayList<>();
        for (Entry entry : directory) {
            if (entry.kind() == AgencyKind.STREET_OFFICE) {
                if (entry.client() != null) {
                    found.add("agency %s: a street office has a client (%s); its supervisors act".formatted(
                            entry.code(), entry.client()));
                }
                continue;
            }
            if (entry.client() == null) {
                if (entry.active()) {
                    found.add("agency %s: active without a client of its own".formatted(entry.code()));
                }
                continue;
            }
            Optional<JsonNode> client = client(realm, entry.client());
            if (client.isEmpty()) {
                found.add("agency %s: client %s is not in the realm".formatted(entry.code(), entry.client()));
                continue;
            }
            found.addAll(clientProblems(realm, client.get(), entry));
        }
        Set<String> clientsOfTheDirectory = Set.copyOf(directory.stream().map(Entry::client)
                .filter(java.util.Objects::nonNull).toList());
        for (JsonNode client : realm.get("clients")) {
            String id = client.path("clientId").asText();
            if (actsAsAgency(realm, id) && !clientsOfTheDirectory.contains(id)) {
                found.add("client %s (agency %s) is not in the directory".formatted(id, agencyClaim(client)));
            }
        }
        return found;
    }

    private static List<String> clientProblems(JsonNode realm, JsonNode client, Entry entry) {
        List<String> problems = new ArrayList<>();
        String id = entry.client();
        String prefix = "agency " + entry.code() + ": ";
        if (!client.path("serviceAccountsEnabled").asBoolean() || client.path("publicClient").asBoolean()) {
            problems.add(prefix + "client " + id + " is not a confidential client with a service account");
        }
        if (!entry.code().equals(agencyClaim(client))) {
            problems.add(prefix + "the tokens of client " + id + " carry agency claim " + agencyClaim(client));
        }
        boolean audience = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .anyMatch(mapper -> "lookout-api".equals(mapper.path("config").path("included.client.audience")
                        .asText()));
        if (!audience) {
            problems.add(prefix + "the tokens of client " + id + " are not for the audience lookout-api");
        }
        if (!actsAsAgency(realm, id)) {
            problems.add(prefix + "the service account of client " + id + " lacks the realm role agency");
        }
        return problems;
    }

    private static Optional<JsonNode> client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.get("clients").spliterator(), false)
                .filter(client -> clientId.equals(client.path("clientId").asText())).findFirst();
    }

    private static String agencyClaim(JsonNode client) {
        return StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .filter(mapper -> "agency".equals(mapper.path("config").path("claim.name").asText()))
                .map(mapper -> mapper.path("config").path("claim.value").asText()).findFirst().orElse(null);
    }

    /** The client's service account holds the realm role {@code agency}. */
    private static boolean actsAsAgency(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.get("users").spliterator(), false)
                .filter(user -> clientId.equals(user.path("serviceAccountClientId").asText()))
                .anyMatch(user -> StreamSupport.stream(user.path("realmRoles").spliterator(), false)
                        .anyMatch(role -> role.asText().equals("agency")));
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Files.readString(REALM));
    }

    /** This service's migrations run into an empty schema: the directory exactly as a new installation has it. */
    private List<Entry> installedDirectory() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
        List<Entry> directory = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select code, kind, oidc_client_id, active from " + SCHEMA + ".agency order by code")) {
            while (rows.next()) {
                directory.add(new Entry(rows.getString(1), AgencyKind.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getBoolean(4)));
            }
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema " + SCHEMA + " cascade");
            }
        }
        return directory;
    }
}
