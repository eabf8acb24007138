package org.lookout.notification;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of notification-service × every caller → the status it must answer. One row per endpoint; to add an
 * endpoint, add a row to {@link #ENDPOINTS} (the columns are the {@link Who} values, in order). A subscription a cell
 * needs belongs to {@value #AGENCY}; a cell expected to change something gets a fresh one. Everyone has an inbox; the
 * rules and the SMS outbox are admin's; subscriptions belong to agencies and the app backend (admin subscribes for an
 * agency), and someone else's is absent (404).
 */
@QuarkusTest
@NotificationTestResources
class RoleEndpointMatrixTest {

    private static final String AGENCY = "matrix-agency";
    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/matrix";

    /** The callers of the matrix, in the order of the columns. */
    enum Who {
        ANONYMOUS(() -> null),
        RESIDENT(() -> Tokens.resident("DCY")),
        LOOKOUT(() -> Tokens.lookout("DCY")),
        STAFF(() -> Tokens.staff("DCY")),
        SUPERVISOR(() -> Tokens.supervisor("DCYJD")),
        INSPECTOR(Tokens::inspector),
        ADMIN(Tokens::admin),
        AGENCY(() -> Tokens.agency(RoleEndpointMatrixTest.AGENCY)),
        ANOTHER_AGENCY(() -> Tokens.agency("matrix-other")),
        APP_BACKEND(() -> Tokens.builder().subject("matrix-app-backend").roles("app-backend").sign());

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    /** What {@code {id}} stands for before the call. */
    enum Fixture {
        NONE,
        /** an id nobody has. */
        UNKNOWN,
        /** an active subscription of {@value #AGENCY}. */
        SUBSCRIPTION,
        /** the same, paused. */
        PAUSED
    }

    /** method, path template, a header (name:value) or null, fixture, body (null: none), statuses per {@link Who}. */
    record Endpoint(String method, String template, String header, Fixture fixture, String body, int... expected) {

        Endpoint {
            if (expected.length != Who.values().length) {
                throw new IllegalArgumentException(this + ": " + expected.length + " statuses for "
                        + Who.values().length + " callers");
            }
        }

        boolean changes(int status) {
            return !method.equals("GET") && status / 100 == 2;
        }

        @Override
        public String toString() {
            return method + " " + template + (header == null ? "" : " [" + header + "]");
        }
    }

    // @formatter:off
    /** Columns: ANONYMOUS RESIDENT LOOKOUT STAFF SUPERVISOR INSPECTOR ADMIN AGENCY ANOTHER_AGENCY APP_BACKEND. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/notifications", null, Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET", "/api/notifications/unread-count", null, Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST", "/api/notifications/{id}/read", null, Fixture.UNKNOWN, null,
                    401, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("POST", "/api/notifications/read-all", null, Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            // the stream itself never ends: the row checks who gets as far as reading Last-Event-ID
            new Endpoint("GET", "/api/notifications/stream", "Last-Event-ID:not-a-number", Fixture.NONE, null,
                    401, 400, 400, 400, 400, 400, 400, 400, 400, 400),
            new Endpoint("GET", "/api/notifications/preferences", null, Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("PUT", "/api/notifications/preferences", null, Fixture.NONE, "{\"language\":\"en\"}",
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET", "/api/notifications/me/contact", null, Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("PUT", "/api/notifications/me/contact", null, Fixture.NONE, "{}",
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST", "/api/notifications/me/contact/verify", null, Fixture.NONE,
                    "{\"channel\":\"EMAIL\",\"code\":\"000000\"}",
                    401, 422, 422, 422, 422, 422, 422, 422, 422, 422),
            new Endpoint("GET", "/api/notifications/rules", null, Fixture.NONE, null,
                    401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
            new Endpoint("PUT", "/api/notifications/rules", null, Fixture.NONE, "RULES",
                    401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
            new Endpoint("GET", "/api/notifications/sms-outbox", null, Fixture.NONE, null,
                    401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
            new Endpoint("POST", "/api/subscriptions", null, Fixture.NONE, "SUBSCRIBE",
                    401, 403, 403, 403, 403, 403, 201, 201, 201, 201),
            new Endpoint("GET", "/api/subscriptions", null, Fixture.NONE, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 200, 200),
            new Endpoint("GET", "/api/subscriptions/{id}", null, Fixture.SUBSCRIPTION, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 404, 404),
            new Endpoint("POST", "/api/subscriptions/{id}/secret", null, Fixture.SUBSCRIPTION, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 404, 404),
            new Endpoint("POST", "/api/subscriptions/{id}/pause", null, Fixture.SUBSCRIPTION, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 404, 404),
            new Endpoint("POST", "/api/subscriptions/{id}/resume", null, Fixture.PAUSED, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 404, 404),
            new Endpoint("GET", "/api/subscriptions/{id}/deliveries", null, Fixture.SUBSCRIPTION, null,
                    401, 403, 403, 403, 403, 403, 200, 200, 404, 404),
            new Endpoint("POST", "/api/subscriptions/{id}/deliveries/{delivery}/replay", null, Fixture.SUBSCRIPTION, null,
                    401, 403, 403, 403, 403, 403, 404, 404, 404, 404));
    // @formatter:on

    private static final Map<Endpoint, String> SHARED = new HashMap<>();

    static Stream<Arguments> cells() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(endpoint, who, endpoint.expected()[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void eachCallerGetsTheStatusTheTableSays(Endpoint endpoint, Who who, int expected) {
        String value = endpoint.changes(expected) ? fixture(endpoint.fixture())
                : SHARED.computeIfAbsent(endpoint, row -> fixture(row.fixture()));
        String path = endpoint.template().replace("{id}", value).replace("{delivery}", UUID.randomUUID().toString());
        RequestSpecification request = given().urlEncodingEnabled(false);
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.header() != null) {
            String[] header = endpoint.header().split(":", 2);
            request.header(header[0], header[1]);
        }
        if (endpoint.body() != null) {
            String body = switch (endpoint.body()) {
                case "RULES" -> given().auth().oauth2(Tokens.admin()).when().get("/api/notifications/rules")
                        .then().statusCode(200).extract().asString();
                case "SUBSCRIBE" -> "{\"url\":\"" + PUBLIC_URL + "\"" + (who == Who.ADMIN ? ",\"agency\":\"" + AGENCY + "\"" : "")
                        + "}";
                default -> endpoint.body();
            };
            request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(endpoint.method(), path).then().statusCode(expected);
    }

    private static String fixture(Fixture fixture) {
        return switch (fixture) {
            case NONE -> "";
            case UNKNOWN -> UUID.randomUUID().toString();
            case SUBSCRIPTION, PAUSED -> {
                String id = given().auth().oauth2(Tokens.agency(AGENCY)).contentType(ContentType.JSON)
                        .body("{\"url\":\"" + PUBLIC_URL + "\"}").when().post("/api/subscriptions")
                        .then().statusCode(201).extract().path("id");
                if (fixture == Fixture.PAUSED) {
                    given().auth().oauth2(Tokens.agency(AGENCY)).when().post("/api/subscriptions/{id}/pause", id)
                            .then().statusCode(200);
                }
                yield id;
            }
        };
    }
}
