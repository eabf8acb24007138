package org.lookout.system;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Extra accounts the demo realm lacks (every demo user is of community DCY), made once through Keycloak's admin API
 * with the development administrator ({@code admin/admin}, the realm ./lookout up imports; never in production): a
 * staff member of another community, a second resident, and a confidential client whose tokens live two seconds.
 */
final class RealmUsers {

    private static final String ADMIN = Stack.KEYCLOAK + "/admin/realms/lookout";

    private RealmUsers() {
    }

    /** A token of the master realm's administrator (the development one). */
    static String masterToken() {
        return given().baseUri(Stack.KEYCLOAK)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                        System.getenv().getOrDefault("LOOKOUT_KEYCLOAK_ADMIN", "admin"), "password",
                        System.getenv().getOrDefault("LOOKOUT_KEYCLOAK_ADMIN_PASSWORD", "admin")))
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A user of the lookout realm with one realm role and these attributes (password {@link Stack#DEMO_PASSWORD}),
     * created unless it exists; answers a fresh access token of it.
     */
    static synchronized String tokenOf(String username, String role, Map<String, List<String>> attributes) {
        String admin = masterToken();
        List<Object> found = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(ADMIN + "/users").then().statusCode(200).extract().path("id");
        if (found.isEmpty()) {
            Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                    "firstName", "Owasp", "lastName", "Probe", "email", username + "@lookout.example",
                    "attributes", attributes, "requiredActions", List.of(),
                    "credentials", List.of(Map.of("type", "password", "value", Stack.DEMO_PASSWORD,
                            "temporary", false)));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).post(ADMIN + "/users")
                    .then().statusCode(201);
            String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                    .get(ADMIN + "/users").then().statusCode(200).extract().path("[0].id");
            Map<String, Object> realmRole = given().auth().oauth2(admin).get(ADMIN + "/roles/" + role)
                    .then().statusCode(200).extract().as(Map.class);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(realmRole))
                    .post(ADMIN + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        }
        return Stack.token(username);
    }

    /**
     * A confidential client with the agency role's audience whose access tokens live {@code seconds}: a real token of
     * the realm that expires while the test waits. Answers its secret.
     */
    static synchronized String shortLivedClient(String clientId, int seconds) {
        String admin = masterToken();
        List<Object> found = given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(ADMIN + "/clients").then().statusCode(200).extract().path("id");
        String secret = clientId + "-secret";
        if (found.isEmpty()) {
            Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                    "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                    "secret", secret, "attributes", Map.of("access.token.lifespan", String.valueOf(seconds)),
                    "protocolMappers", List.of(Map.of("name", "audience lookout-api", "protocol", "openid-connect",
                            "protocolMapper", "oidc-audience-mapper", "config",
                            Map.of("included.client.audience", "lookout-api", "access.token.claim", "true",
                                    "id.token.claim", "false"))));
            Response created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                    .post(ADMIN + "/clients");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating " + clientId + ": " + created.statusCode() + " "
                        + created.asString());
            }
        }
        return secret;
    }

    /** A client-credentials token of a confidential client. */
    static String clientToken(String clientId, String secret) {
        return given().baseUri(Stack.KEYCLOAK)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post("/realms/lookout/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
