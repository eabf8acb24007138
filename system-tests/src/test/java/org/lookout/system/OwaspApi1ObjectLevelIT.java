package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API1:2023 Broken Object Level Authorization, on the real stack through the gateway: objects of community DCY
 * (a report, its notes, history, reporter, attachments, clocks, an escalation to police-dcy and its case file, an
 * official, a notification in resident1's inbox, an agency's webhook subscription) are out of reach — 404 or 403,
 * never their content — for a caller of another community (a staff member of XHY made for the test), another street
 * (inspector2), another resident of the same community, another agency; each object's owner reads it (the control that
 * shows the case can fail).
 */
class OwaspApi1ObjectLevelIT {

    /** The objects of DCY the cases aim at, made once. */
    private static final Map<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    record Call(String method, String path, String body) {
        Response as(String token) {
            String resolved = path;
            for (Map.Entry<String, String> id : IDS.entrySet()) {
                resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
            }
            var request = given().auth().oauth2(token).accept(ContentType.JSON).header("X-Access-Reason", "owasp probe");
            if (body != null) {
                String filled = body;
                for (Map.Entry<String, String> id : IDS.entrySet()) {
                    filled = filled.replace("{" + id.getKey() + "}", id.getValue());
                }
                request.contentType(ContentType.JSON).body(filled);
            }
            return request.request(method, resolved);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    enum Caller {
        STAFF_OF_ANOTHER_COMMUNITY(() -> RealmUsers.tokenOf("owasp-staff-xhy", "staff",
                Map.of("community", List.of("XHY")))),
        LOOKOUT_OF_ANOTHER_COMMUNITY(() -> RealmUsers.tokenOf("owasp-lookout-xhy", "lookout",
                Map.of("community", List.of("XHY")))),
        ANOTHER_RESIDENT(() -> RealmUsers.tokenOf("owasp-resident2", "resident", Map.of("community", List.of("DCY")))),
        INSPECTOR_OF_ANOTHER_STREET(() -> Stack.token("inspector2")),
        ANOTHER_AGENCY(() -> Stack.agencyToken("agency-market-dcy"));

        final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }
    }

    @BeforeAll
    static void objectsOfDcy() {
        RestAssured.baseURI = Stack.GATEWAY;
        IDS.putAll(OwaspFixtures.ids());
    }

    /** What each kind of foreign caller tries on DCY's objects (the owner's token reads them: {@link #owner}). */
    static final List<Call> ON_A_REPORT = List.of(
            new Call("GET", "/api/complaints/{report}", null),
            new Call("GET", "/api/complaints/by-tracking/{number}", null),
            new Call("GET", "/api/complaints/{report}/history", null),
            new Call("GET", "/api/complaints/{report}/notes", null),
            new Call("POST", "/api/complaints/{report}/notes", "{\"text\":\"x\",\"visibility\":\"PUBLIC\"}"),
            new Call("GET", "/api/complaints/{report}/attachments", null),
            new Call("GET", "/api/complaints/{report}/attachments/{attachment}", null),
            new Call("GET", "/api/complaints/{visit}/reporter", null),
            new Call("GET", "/api/complaints/{visit}/history", null),
            new Call("GET", "/api/complaints/{report}/case-reads", null),
            new Call("GET", "/api/complaints/{report}/open311", null),
            new Call("POST", "/api/complaints/{report}/assign", "{\"unit\":\"VOLUNTEER\"}"),
            new Call("POST", "/api/complaints/{report}/await-reporter", "{}"),
            new Call("POST", "/api/complaints/{report}/feedback", "{\"satisfied\":false}"),
            new Call("GET", "/api/escalations/reports/{report}/clocks", null),
            new Call("POST", "/api/escalations", "{\"reportId\":\"{report}\",\"agencies\":[\"market-dcy\"],"
                    + "\"reason\":\"probe\",\"dueInWorkingDays\":3}"),
            new Call("GET", "/api/escalations/{escalation}", null),
            new Call("GET", "/api/escalations/{escalation}/case", null),
            new Call("POST", "/api/escalations/{escalation}/acknowledge", null),
            new Call("POST", "/api/escalations/{escalation}/progress", "{\"note\":\"probe\"}"),
            new Call("GET", "/api/cadres/{official}", null),
            new Call("PUT", "/api/cadres/{official}", "{\"post\":\"主任\"}"),
            new Call("GET", "/api/cadres/{official}/archive", null),
            new Call("POST", "/api/cadres/{official}/archive", "{\"kind\":\"POSITIVE\",\"text\":\"probe\",\"occurredOn\":\"2026-01-05\"}"),
            new Call("POST", "/api/notifications/{notification}/read", null),
            new Call("GET", "/api/subscriptions/{subscription}", null),
            new Call("POST", "/api/subscriptions/{subscription}/resume", null),
            new Call("GET", "/api/subscriptions/{subscription}/deliveries", null));

    static Stream<Arguments> foreignCallerOnEveryObject() {
        List<Arguments> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Call call : ON_A_REPORT) {
                cases.add(Arguments.of(caller, call));
            }
        }
        return cases.stream();
    }

    private static final Map<Caller, String> TOKENS = new java.util.EnumMap<>(Caller.class);

    @ParameterizedTest(name = "{0}: {1} → 403/404")
    @MethodSource("foreignCallerOnEveryObject")
    void aCallerOutsideTheObjectsScopeNeverReachesIt(Caller caller, Call call) {
        String token = TOKENS.computeIfAbsent(caller, c -> c.token.get());
        Response answer = call.as(token);
        assertThat(answer.statusCode()).as(caller + " " + call + ": " + answer.asString()).isIn(403, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        String body = answer.asString();
        assertThat(body).doesNotContain(OwaspFixtures.NOTE, OwaspFixtures.OFFICIAL_PREFIX, OwaspFixtures.HOOK,
                OwaspFixtures.REPORTER, "13912345678");
    }

    /** The owner of each object reads it: the calls above fail for the caller, not for the path. */
    static Stream<Arguments> owner() {
        return Stream.of(
                Arguments.of("resident1", new Call("GET", "/api/complaints/{report}", null)),
                Arguments.of("resident1", new Call("GET", "/api/complaints/{report}/attachments/{attachment}", null)),
                Arguments.of("staff1", new Call("GET", "/api/complaints/{report}/notes", null)),
                Arguments.of("staff1", new Call("GET", "/api/complaints/{visit}/reporter", null)),
                Arguments.of("staff1", new Call("GET", "/api/escalations/reports/{report}/clocks", null)),
                Arguments.of("staff1", new Call("GET", "/api/escalations/{escalation}", null)),
                Arguments.of("agency-police-dcy", new Call("GET", "/api/escalations/{escalation}/case", null)),
                Arguments.of("agency-police-dcy", new Call("GET", "/api/subscriptions/{subscription}", null)),
                Arguments.of("inspector1", new Call("GET", "/api/cadres/{official}", null)),
                Arguments.of("resident1", new Call("POST", "/api/notifications/{notification}/read", null)));
    }

    @ParameterizedTest(name = "{0}: {1} → 200")
    @MethodSource("owner")
    void theOwnerReachesIt(String who, Call call) {
        String token = who.startsWith("agency-") ? Stack.agencyToken(who) : Stack.token(who);
        Response answer = call.as(token);
        assertThat(answer.statusCode()).as(who + " " + call + ": " + answer.asString()).isEqualTo(200);
    }

}
