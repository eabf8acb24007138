package org.lookout.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Keycloak's admin API as notification-service's account directory reads it, on the WireMock server of the OIDC test
 * resource: a client-credentials token, and the users of the realm (every user any test added, so tests do not
 * undo each other).
 */
public final class KeycloakStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> USERS = new ArrayList<>();

    private KeycloakStub() {
    }

    /** A user with an id (the OIDC subject), a name, an email address (verified or not) and a locale. */
    public static synchronized void user(WireMockServer server, String id, String username, String email,
            boolean emailVerified, String locale) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", emailVerified);
        user.put("enabled", true);
        user.put("attributes", locale == null ? Map.of() : Map.of("locale", List.of(locale)));
        USERS.add(user);
        token(server);
        server.stubFor(get(urlPathEqualTo("/auth/admin/realms/lookout/users")).willReturn(okJson(json(USERS))));
        server.stubFor(get(urlPathEqualTo("/auth/admin/realms/lookout/users/" + id)).willReturn(okJson(json(user))));
    }

    /** A token for this service's client; what it says does not matter to the stubs. */
    public static void token(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"service-token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\"}")));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
