package org.lookout.deploy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * The realm for the Keycloak Operator's KeycloakRealmImport, made from the development realm: without the demo users,
 * without a committed client secret (the services' clients take theirs from the Secret lookout-clients by the
 * operator's placeholders, so Keycloak and the services share one value; the others get fresh ones from Keycloak),
 * without the system tests' Kafka client, and with the app's sign-in limited to the public host
 * (no password grant, no redirect or origin on a workstation).
 */
final class ProductionRealm {

    static final String PUBLIC_URL = "https://lookout.example.org";
    /** The Secret whose keys (client ids) hold the client secrets the services read: Keycloak imports the same. */
    static final String CLIENT_SECRETS = "lookout-clients";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<String> DEVELOPMENT_ONLY_CLIENTS = List.of("kafka-system-tests");

    private ProductionRealm() {
    }

    /** An address only a developer's machine answers on. */
    private static boolean workstation(Object value) {
        return value instanceof String text && (text.contains("127.0.0.1") || text.contains("localhost"));
    }

    static String importYaml() {
        Map<String, Object> realm;
        try {
            realm = SERIALIZATION.unmarshal(
                    Files.readString(Repository.ROOT.resolve("deploy/keycloak/lookout-realm.json")),
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm.remove("users");
        List<String> serviceClients = Manifests.secretKeys().stream()
                .filter(key -> key.secret().equals(CLIENT_SECRETS)).map(Manifests.SecretKey::key).toList();
        Map<String, Object> placeholders = new TreeMap<>();
        List<Object> clients = new ArrayList<>();
        for (Object entry : (List<?>) realm.get("clients")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> client = (Map<String, Object>) entry;
            if (DEVELOPMENT_ONLY_CLIENTS.contains(client.get("clientId"))) {
                continue;
            }
            client.remove("secret");
            String clientId = (String) client.get("clientId");
            if (serviceClients.contains(clientId)) {
                // the same value the services read: the operator puts the Secret's key into the import job's environment
                String placeholder = clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
                client.put("secret", "${" + placeholder + "}");
                Map<String, Object> reference = new LinkedHashMap<>();
                reference.put("name", CLIENT_SECRETS);
                reference.put("key", clientId);
                placeholders.put(placeholder, Map.of("secret", reference));
            }
            if (client.containsKey("redirectUris")) {
                client.put("redirectUris", List.of(PUBLIC_URL + "/*"));
                client.put("directAccessGrantsEnabled", false);
            }
            for (String url : List.of("rootUrl", "baseUrl", "adminUrl")) {
                if (client.get(url) instanceof String value && workstation(value)) {
                    client.put(url, PUBLIC_URL);
                }
            }
            if (client.get("webOrigins") instanceof List<?> origins && origins.stream().anyMatch(o -> workstation(o))) {
                client.put("webOrigins", List.of("+"));
            }
            if (client.get("attributes") instanceof Map<?, ?> attributes) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) attributes;
                values.replaceAll((name, value) -> workstation(value) ? "+" : value);
            }
            clients.add(client);
        }
        realm.put("clients", clients);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "lookout-realm");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "lookout-keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        object.put("kind", "KeycloakRealmImport");
        object.put("metadata", metadata);
        object.put("spec", spec);
        return """
                # Example: the lookout realm for the Keycloak Operator (keycloak.yaml). Written by deploy-tests'
                # OperatorExamplesTest from deploy/keycloak/lookout-realm.json (ProductionRealm says what it leaves out):
                # edit that file, then ./mvnw -pl deploy-tests test -Dtest=OperatorExamplesTest -Dlookout.write-realm-import=true
                """ + SERIALIZATION.asYaml(object);
    }
}
