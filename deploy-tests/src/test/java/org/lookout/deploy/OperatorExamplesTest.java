package org.lookout.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.Topics;

/**
 * The operators' examples (deploy/kubernetes/operators) create what the platform uses: Strimzi the topics of
 * event-contracts, the dead-letter and agency topics and the ACLs of deploy/kafka; CloudNativePG the databases of
 * services.tsv with the logins the Secrets name; the Keycloak realm import is the development realm without its demo
 * users and with the services' client secrets taken from the Secret they read.
 */
class OperatorExamplesTest {

    private static final Path OPERATORS = Repository.kubernetes().resolve("operators");

    @Test
    void strimziCreatesEveryTopicTheServicesUse() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("AGENCY_PREFIX")) {
                expected.add((String) field.get(null));
            }
        }
        for (Repository.ServiceRow row : Repository.services()) {
            Repository.lines(Repository.ROOT.resolve(row.module()).resolve("src/main/resources/application.properties"))
                    .stream().filter(line -> line.contains(".dead-letter-queue.topic="))
                    .forEach(line -> expected.add(line.substring(line.indexOf('=') + 1).strip()));
        }
        agencies().forEach(code -> expected.add(Topics.agency(code)));

        List<GenericKubernetesResource> topics = kind("strimzi.yaml", "KafkaTopic");
        assertThat(topics).extracting(t -> t.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(expected);
        for (GenericKubernetesResource topic : topics) {
            Map<String, Object> spec = map(topic.getAdditionalProperties().get("spec"));
            Map<String, Object> config = map(spec.get("config"));
            String name = topic.getMetadata().getName();
            assertThat(spec).as(name).containsEntry("partitions", 12).containsEntry("replicas", 3);
            assertThat(config).as(name).containsEntry("min.insync.replicas", 2);
            if (name.equals(Topics.COMPLAINT_REFERENCE)) {
                assertThat(config).as(name).containsEntry("cleanup.policy", "compact");
            }
            if (name.startsWith(Topics.AGENCY_PREFIX)) {
                // the AsyncAPI document's promise to integrators: 30 days
                assertThat(config).as(name).containsEntry("retention.ms", 2_592_000_000L);
            }
        }
    }

    @Test
    void strimziGivesEachPrincipalExactlyTheAclsOfDeployKafka() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String[] f : Repository.rows(Repository.ROOT.resolve("deploy/kafka/acls.txt")).stream()
                .map(row -> String.join(" ", row).trim().split("\\s+")).toList()) {
            List<String> codes = f[0].contains("{agency}") ? agencies() : List.of("");
            for (String code : codes) {
                expected.computeIfAbsent(f[0].replace("{agency}", code).substring("User:".length()), k -> new TreeSet<>())
                        .add(acl(f[2], f[3], f[4].replace("{agency}", code), f[1]));
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (GenericKubernetesResource user : kind("strimzi.yaml", "KafkaUser")) {
            Map<String, Object> authorization = map(map(user.getAdditionalProperties().get("spec")).get("authorization"));
            assertThat(authorization).containsEntry("type", "simple");
            Set<String> acls = actual.computeIfAbsent(user.getMetadata().getName(), k -> new TreeSet<>());
            for (Object entry : (List<?>) authorization.get("acls")) {
                Map<String, Object> resource = map(map(entry).get("resource"));
                for (Object operation : (List<?>) map(entry).get("operations")) {
                    acls.add(acl((String) resource.get("type"), (String) resource.get("patternType"),
                            (String) resource.get("name"), (String) operation));
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void cloudNativePgMakesEachServicesDatabaseWithTheLoginItsSecretNames() {
        Set<String> secrets = Manifests.secretKeys().stream().map(Manifests.SecretKey::secret)
                .filter(s -> s.startsWith("lookout-db-")).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> owners = new TreeMap<>();
        for (GenericKubernetesResource database : kind("cloudnative-pg.yaml", "Database")) {
            Map<String, Object> spec = map(database.getAdditionalProperties().get("spec"));
            owners.put((String) spec.get("name"), (String) spec.get("owner"));
        }
        Map<String, String> roles = new TreeMap<>();
        GenericKubernetesResource cluster = kind("cloudnative-pg.yaml", "Cluster").get(0);
        for (Object role : (List<?>) map(map(cluster.getAdditionalProperties().get("spec")).get("managed")).get("roles")) {
            roles.put((String) map(role).get("name"), (String) map(map(role).get("passwordSecret")).get("name"));
        }
        for (Repository.ServiceRow row : Repository.services()) {
            if (row.database().equals("-")) {
                continue;
            }
            String secret = "lookout-db-" + row.database().replace('_', '-');
            assertThat(owners).as(row.module()).containsEntry(row.database(), row.database());
            assertThat(roles).as(row.module()).containsEntry(row.database(), secret);
            assertThat(secrets).as(row.module()).contains(secret);
        }
    }

    /**
     * The realm the Keycloak Operator imports is the development realm (deploy/keycloak/lookout-realm.json) with what
     * must not reach production taken out. When the development realm changes this fails;
     * {@code -Dlookout.write-realm-import=true} writes the file anew.
     */
    @Test
    void theRealmImportIsTheDevelopmentRealmWithoutDemoUsersOrCommittedSecrets() throws IOException {
        Path file = OPERATORS.resolve("keycloak-realm-import.yaml");
        String expected = ProductionRealm.importYaml();
        if (Boolean.getBoolean("lookout.write-realm-import")) {
            Files.writeString(file, expected);
        }
        assertThat(Files.readString(file))
                .as("keycloak-realm-import.yaml is out of date: ./mvnw -pl deploy-tests test"
                        + " -Dtest=OperatorExamplesTest -Dlookout.write-realm-import=true")
                .isEqualTo(expected);
        assertThat(expected).doesNotContain("127.0.0.1", "localhost", "demo");
        GenericKubernetesResource realmImport = (GenericKubernetesResource) Kustomize.parse(expected).get(0);
        Map<String, Object> spec = map(realmImport.getAdditionalProperties().get("spec"));
        Map<String, Object> placeholders = map(spec.get("placeholders"));
        Set<String> clientKeys = Manifests.secretKeys().stream()
                .filter(k -> k.secret().equals(ProductionRealm.CLIENT_SECRETS)).map(Manifests.SecretKey::key)
                .collect(Collectors.toSet());
        for (Object client : (List<?>) map(spec.get("realm")).get("clients")) {
            Object secret = map(client).get("secret");
            if (secret == null) {
                continue;
            }
            // never a value: a placeholder filled from the Secret the services read
            String name = ((String) secret).replaceAll("^\\$\\{(.+)}$", "$1");
            Map<String, Object> reference = map(map(placeholders.get(name)).get("secret"));
            assertThat(reference).containsEntry("name", ProductionRealm.CLIENT_SECRETS)
                    .containsEntry("key", map(client).get("clientId"));
        }
        assertThat(placeholders).hasSize(clientKeys.size());
    }

    private static String acl(String type, String pattern, String name, String operation) {
        return type.toLowerCase() + " " + pattern.toLowerCase() + " " + name + " " + operation.toLowerCase();
    }

    private static List<String> agencies() {
        return Repository.rows(Repository.ROOT.resolve("deploy/kafka/agencies.txt")).stream().map(f -> f[0].strip())
                .toList();
    }

    private static List<GenericKubernetesResource> kind(String file, String kind) {
        List<HasMetadata> objects;
        try {
            objects = Kustomize.parse(Files.readString(OPERATORS.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<GenericKubernetesResource> found = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (kind.equals(object.getKind())) {
                found.add((GenericKubernetesResource) object);
            }
        }
        assertThat(found).as(file + " " + kind).isNotEmpty();
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
