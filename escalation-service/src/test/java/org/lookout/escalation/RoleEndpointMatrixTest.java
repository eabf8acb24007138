package org.lookout.escalation;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Every endpoint of escalation-service × every caller → the status it must answer. One row per endpoint (a JAX-RS
 * method; {@code EndpointMatrixCoverageTest} fails when one has no row); to add an endpoint, add a row to
 * {@link #ENDPOINTS} (the columns are the {@link Who} values, in order). The report and escalation a cell needs belong
 * to community {@value #COMMUNITY}, escalated by its staff to {@value #AGENCY} (or to its street, {@value #STREET_OFFICE},
 * worked by the street's supervisors); a cell expected to change something gets a fresh one, so an allowed caller meets
 * a legal move (2xx), never a 409 left by another cell. An endpoint may have several rows (other fixtures, queries).
 */
@QuarkusTest
@EscalationTestResources
class RoleEndpointMatrixTest {

    private static final String COMMUNITY = "DCY";
    private static final String STREET = "DCYJD";
    private static final String AGENCY = "police-dcy";
    private static final String STREET_OFFICE = "street-office-dcyjd";
    /** A Monday far from every other test's days, inside the calendar's horizon. */
    private static final String DATE = "2031-03-03";

    /** The callers of the matrix, in the order of the columns. */
    enum Who {
        ANONYMOUS(() -> null),
        RESIDENT(() -> Tokens.resident(COMMUNITY)),
        LOOKOUT(() -> Tokens.lookout(COMMUNITY)),
        STAFF(() -> Tokens.staff(COMMUNITY)),
        STAFF_OF_ANOTHER_COMMUNITY(() -> Tokens.staff("XHY")),
        SUPERVISOR(() -> Tokens.supervisor(STREET)),
        SUPERVISOR_OF_ANOTHER_STREET(() -> Tokens.supervisor("OTHERJD")),
        INSPECTOR(Tokens::inspector),
        ADMIN(Tokens::admin),
        AGENCY(() -> Tokens.agency(RoleEndpointMatrixTest.AGENCY)),
        ANOTHER_AGENCY(() -> Tokens.agency("market-dcy"));

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    /** What the path's placeholder stands for before the call. */
    enum Fixture {
        /** nothing needed. */
        NONE,
        /** {@code {date}}: a day with an administrator's override. */
        OVERRIDE,
        /** {@code {reportId}}: a report this service knows (its clocks run). */
        REPORT,
        /** {@code {id}}: an escalation of such a report to {@value #AGENCY}, open. */
        OPEN,
        /** {@code {id}}: the same, acknowledged by the agency. */
        ACKNOWLEDGED,
        /** {@code {id}}: an escalation of such a report to its street ({@value #STREET_OFFICE}), open. */
        STREET_OPEN,
        /** {@code {id}}: the same, acknowledged by the street's supervisor. */
        STREET_ACKNOWLEDGED
    }

    /**
     * One endpoint: method, the JAX-RS path template, the query, what its placeholder stands for, the body (null: none),
     * then the expected status per {@link Who}, in column order.
     */
    record Endpoint(String method, String template, String query, Fixture fixture, String body, int... expected) {

        Endpoint {
            if (expected.length != Who.values().length) {
                throw new IllegalArgumentException(this + ": " + expected.length + " statuses for "
                        + Who.values().length + " callers");
            }
        }

        /** A cell expected to succeed on a method that changes something gets a fixture of its own. */
        boolean changes(int status) {
            return !method.equals("GET") && status / 100 == 2;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final String CIVIL_AFFAIRS = "{\"kind\":\"CIVIL_AFFAIRS\",\"nameZh\":\"区民政局\","
            + "\"nameEn\":\"District Civil Affairs Bureau\",\"jurisdiction\":\"DISTRICT\","
            + "\"oidcClientId\":\"agency-civil-affairs\",\"active\":true}";

    // @formatter:off
    /** Columns: ANONYMOUS RESIDENT LOOKOUT STAFF STAFF_OF_ANOTHER_COMMUNITY SUPERVISOR SUPERVISOR_OF_ANOTHER_STREET
     *  INSPECTOR ADMIN AGENCY ANOTHER_AGENCY. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/calendar", "?from=2026-02-01&to=2026-02-28", Fixture.NONE, null,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET", "/api/calendar/deadline", "?from=2026-02-13T09:30:00Z&workingDays=1", Fixture.NONE, null,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("PUT", "/api/calendar/days/{date}", "", Fixture.NONE,
                    "{\"kind\":\"WORKDAY\",\"reason\":\"role matrix\"}",
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403),
            new Endpoint("DELETE", "/api/calendar/days/{date}", "?reason=role%20matrix", Fixture.OVERRIDE, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403),
            // staff and supervisors read the directory without webhookUrl (admin only: AgencyResourceTest)
            new Endpoint("GET", "/api/agencies", "", Fixture.NONE, null,
                    401, 403, 403, 200, 200, 200, 200, 403, 200, 403, 403),
            new Endpoint("GET", "/api/agencies/{code}", "", Fixture.NONE, null,
                    401, 403, 403, 200, 200, 200, 200, 403, 200, 403, 403),
            new Endpoint("PUT", "/api/agencies/{code}", "", Fixture.NONE, CIVIL_AFFAIRS,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403),
            new Endpoint("GET", "/api/escalations/reports/{reportId}/clocks", "", Fixture.REPORT, null,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403, 403),
            new Endpoint("GET", "/api/escalations/policies", "", Fixture.NONE, null,
                    401, 403, 403, 200, 200, 200, 200, 403, 200, 403, 403),
            // edited at complaint-service now (PUT /api/taxonomy/items/{code}): 405 for everybody
            new Endpoint("PUT", "/api/escalations/policies/{itemCode}", "", Fixture.NONE,
                    "{\"resolutionWorkingDays\":4,\"reason\":\"role matrix\"}",
                    405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405),
            new Endpoint("POST", "/api/escalations", "", Fixture.REPORT, "MANUAL",
                    401, 403, 403, 201, 404, 201, 404, 403, 403, 403, 403),
            new Endpoint("POST", "/api/escalations/inform", "", Fixture.REPORT, "INFORM",
                    401, 403, 403, 201, 404, 201, 404, 403, 403, 403, 403),
            // an agency reads escalations without openedBy (AgencyWorkResourceTest)
            new Endpoint("GET", "/api/escalations", "", Fixture.NONE, null,
                    401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET", "/api/escalations/{id}", "", Fixture.OPEN, null,
                    401, 403, 403, 200, 404, 200, 404, 404, 200, 200, 404),
            // an agency's part: a supervisor (who works the street's parts) is not addressed, so absent
            new Endpoint("POST", "/api/escalations/{id}/acknowledge", "", Fixture.OPEN, null,
                    401, 403, 403, 403, 403, 404, 404, 403, 403, 200, 404),
            new Endpoint("POST", "/api/escalations/{id}/progress", "", Fixture.ACKNOWLEDGED,
                    "{\"note\":\"on site\"}",
                    401, 403, 403, 403, 403, 404, 404, 403, 403, 200, 404),
            new Endpoint("POST", "/api/escalations/{id}/resolve", "", Fixture.ACKNOWLEDGED,
                    "{\"outcome\":\"HANDLED\",\"actionsTaken\":\"fuel cans removed\"}",
                    401, 403, 403, 403, 403, 404, 404, 403, 403, 200, 404),
            new Endpoint("POST", "/api/escalations/{id}/return", "", Fixture.OPEN,
                    "{\"reason\":\"NOT_RESPONSIBLE\"}",
                    401, 403, 403, 403, 403, 404, 404, 403, 403, 200, 404),
            // issue 13: an escalation to the street, worked by that street's supervisors (督办), nobody else's
            new Endpoint("GET", "/api/escalations/{id}", "", Fixture.STREET_OPEN, null,
                    401, 403, 403, 200, 404, 200, 404, 404, 200, 404, 404),
            new Endpoint("POST", "/api/escalations/{id}/acknowledge", "", Fixture.STREET_OPEN, null,
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 404, 404),
            new Endpoint("POST", "/api/escalations/{id}/progress", "", Fixture.STREET_ACKNOWLEDGED,
                    "{\"note\":\"the street called the property manager\"}",
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 404, 404),
            new Endpoint("POST", "/api/escalations/{id}/resolve", "", Fixture.STREET_ACKNOWLEDGED,
                    "{\"outcome\":\"HANDLED\",\"actionsTaken\":\"the street had the lamp replaced\"}",
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 404, 404),
            new Endpoint("POST", "/api/escalations/{id}/return", "", Fixture.STREET_ACKNOWLEDGED,
                    "{\"reason\":\"INSTRUCTIONS_GIVEN\",\"note\":\"replace the lamp today\","
                            + "\"dueInWorkingDays\":2}",
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 404, 404),
            // issue 13: the SLA board, by community and by street
            new Endpoint("GET", "/api/escalations/board", "?community=" + COMMUNITY, Fixture.NONE, null,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403, 403),
            new Endpoint("GET", "/api/escalations/board", "?street=" + STREET, Fixture.NONE, null,
                    401, 403, 403, 404, 404, 200, 404, 403, 200, 403, 403));
    // @formatter:on

    /** The fixture each row's cells share, made when a row's first cell needs it. */
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
        String path = endpoint.template().replace("{date}", DATE).replace("{code}", "civil-affairs")
                .replace("{itemCode}", "markets").replace("{reportId}", value).replace("{id}", value);
        RequestSpecification request = given().urlEncodingEnabled(false);
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            String body = switch (endpoint.body()) {
                case "MANUAL" -> "{\"reportId\":\"" + value + "\",\"agencies\":[\"" + AGENCY + "\"],"
                        + "\"reason\":\"role matrix\",\"dueInWorkingDays\":3}";
                case "INFORM" -> "{\"reportId\":\"" + value + "\",\"agency\":\"civil-affairs\","
                        + "\"reason\":\"role matrix\"}";
                default -> endpoint.body();
            };
            request.contentType(ContentType.JSON).body(body);
        }
        request.request(endpoint.method(), path + endpoint.query()).then().statusCode(expected);
    }

    /** What the placeholder of a fixture stands for, made afresh. */
    private static String fixture(Fixture fixture) {
        return switch (fixture) {
            case NONE -> "";
            case OVERRIDE -> {
                given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                        .body("{\"kind\":\"WORKDAY\",\"reason\":\"role matrix\"}")
                        .when().put("/api/calendar/days/{date}", DATE).then().statusCode(200);
                yield DATE;
            }
            case REPORT -> EscalationFixtures.knownReport();
            case OPEN -> EscalationFixtures.newEscalation(AGENCY);
            case ACKNOWLEDGED -> {
                String id = EscalationFixtures.newEscalation(AGENCY);
                EscalationFixtures.act(AGENCY, id, "acknowledge", null).statusCode(200);
                yield id;
            }
            case STREET_OPEN -> EscalationFixtures.newEscalation(STREET_OFFICE);
            case STREET_ACKNOWLEDGED -> {
                String id = EscalationFixtures.newEscalation(STREET_OFFICE);
                EscalationFixtures.work(Tokens.supervisor(STREET), id, "acknowledge", null).statusCode(200);
                yield id;
            }
        };
    }
}
