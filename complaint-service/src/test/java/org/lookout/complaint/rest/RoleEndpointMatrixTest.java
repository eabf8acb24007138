package org.lookout.complaint.rest;

import static io.restassured.RestAssured.given;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of complaint-service × every role → the status it must answer. One row per endpoint; to add an
 * endpoint, add a row to {@link #ENDPOINTS} (the columns are the {@link Who} values, in order). Each cell that needs
 * a report gets a fresh one of community {@value #COMMUNITY}, filed by {@link Who#RESIDENT} and brought by staff into
 * the state the endpoint needs, so an allowed role meets a legal move (2xx), never a 409 left by another cell.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class RoleEndpointMatrixTest {

    private static final String COMMUNITY = "DCY";
    private static final String STREET = "DCYJD";
    private static final String FILER = "matrix-filer";

    /** The callers of the matrix, in the order of the columns. */
    enum Who {
        ANONYMOUS(() -> null),
        RESIDENT(() -> Tokens.resident(FILER, COMMUNITY)),
        LOOKOUT(() -> Tokens.lookout(COMMUNITY)),
        STAFF(() -> Tokens.staff(COMMUNITY)),
        STAFF_OF_ANOTHER_COMMUNITY(() -> Tokens.staff("XHY")),
        SUPERVISOR(() -> Tokens.supervisor(STREET)),
        SUPERVISOR_OF_ANOTHER_STREET(() -> Tokens.supervisor("OTHERJD")),
        INSPECTOR(Tokens::inspector),
        ADMIN(Tokens::admin),
        AGENCY(() -> Tokens.agency("police-dcy"));

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    /** The state a fresh report is brought into before the call; {@code NONE}: the endpoint needs no report. */
    enum Fixture {
        NONE, RECEIVED, ACCEPTED, RESPONDED, RESOLVED
    }

    /**
     * One endpoint: method, path ({@code {id}} = the fixture's report), the state of the report, the body (null: none)
     * and the {@code Accept} type, then the expected status per {@link Who}, in column order.
     */
    record Endpoint(String name, String method, String path, Fixture fixture, Supplier<String> body, String accept,
            int... expected) {

        Endpoint {
            if (expected.length != Who.values().length) {
                throw new IllegalArgumentException(name + ": " + expected.length + " statuses for "
                        + Who.values().length + " callers");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String JSON = "application/json";

    // @formatter:off
    /** Columns: ANONYMOUS RESIDENT LOOKOUT STAFF STAFF_OF_ANOTHER_COMMUNITY SUPERVISOR SUPERVISOR_OF_ANOTHER_STREET
     *  INSPECTOR ADMIN AGENCY. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET taxonomy", "GET", "/api/taxonomy", Fixture.NONE, null, JSON,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST complaint by APP", "POST", "/api/complaints", Fixture.NONE,
                    () -> report("water", COMMUNITY, "APP"), JSON,
                    401, 201, 201, 422, 422, 403, 403, 403, 403, 403),
            new Endpoint("POST complaint by VISIT", "POST", "/api/complaints", Fixture.NONE,
                    () -> report("water", COMMUNITY, "VISIT"), JSON,
                    401, 422, 422, 201, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET own complaints", "GET", "/api/complaints", Fixture.NONE, null, JSON,
                    401, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET complaint", "GET", "/api/complaints/{id}", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET history", "GET", "/api/complaints/{id}/history", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("POST accept", "POST", "/api/complaints/{id}/accept", Fixture.RECEIVED, () -> "{}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST reject", "POST", "/api/complaints/{id}/reject", Fixture.RECEIVED,
                    () -> "{\"reason\":\"SPAM\"}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST assign", "POST", "/api/complaints/{id}/assign", Fixture.ACCEPTED,
                    () -> "{\"unit\":\"VOLUNTEER\"}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST respond", "POST", "/api/complaints/{id}/respond", Fixture.ACCEPTED,
                    () -> "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST resolve", "POST", "/api/complaints/{id}/resolve", Fixture.RESPONDED,
                    () -> "{\"result\":\"fixed\"}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST feedback", "POST", "/api/complaints/{id}/feedback", Fixture.RESOLVED,
                    () -> "{\"satisfied\":true}", JSON,
                    401, 200, 404, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("POST close", "POST", "/api/complaints/{id}/close", Fixture.RESOLVED,
                    () -> "{\"resolvable\":true}", JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("GET ledger JSON", "GET", "/api/ledger?community=" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET ledger CSV", "GET", "/api/ledger?community=" + COMMUNITY, Fixture.NONE, null, "text/csv",
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET statistics", "GET", "/api/statistics?scope=" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET ranking", "GET", "/api/statistics/ranking?street=" + STREET, Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 200, 404, 403, 200, 403),
            new Endpoint("POST note", "POST", "/api/complaints/{id}/notes", Fixture.RECEIVED,
                    () -> "{\"text\":\"called the reporter\",\"visibility\":\"PUBLIC\"}", JSON,
                    401, 403, 403, 201, 404, 201, 404, 403, 403, 403),
            new Endpoint("GET notes", "GET", "/api/complaints/{id}/notes", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET attachments", "GET", "/api/complaints/{id}/attachments", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET tracking of an unknown code", "GET", "/api/complaints/track/ZZZZZZZZZZZZ", Fixture.NONE,
                    null, JSON,
                    404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("POST await-reporter", "POST", "/api/complaints/{id}/await-reporter", Fixture.ACCEPTED,
                    () -> "{}", JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("PUT taxonomy item (as seeded)", "PUT", "/api/taxonomy/items/corridor-lighting", Fixture.NONE,
                    () -> "{\"nameZh\":\"楼道照明\",\"nameEn\":\"Corridor lighting\",\"resolutionDays\":3,"
                            + "\"confidential\":false,\"active\":true}", JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET taxonomy audit", "GET", "/api/taxonomy/audit", Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403));
    // @formatter:on

    static Stream<Arguments> cells() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(endpoint, who, endpoint.expected()[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void eachRoleGetsTheStatusTheTableSays(Endpoint endpoint, Who who, int expected) {
        String path = endpoint.path().replace("{id}", reportIn(endpoint.fixture()));
        RequestSpecification request = given().accept(endpoint.accept());
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.contentType(ContentType.JSON).body(endpoint.body().get());
        }
        request.request(endpoint.method(), path).then().statusCode(expected);
    }

    /** A fresh report of the filer, brought by the community's staff into the fixture's state. */
    private static String reportIn(Fixture fixture) {
        if (fixture == Fixture.NONE) {
            return "";
        }
        String id = submit(Who.RESIDENT.token.get(), report("corridor-lighting", COMMUNITY, "APP"))
                .statusCode(201).extract().path("id");
        String staff = Who.STAFF.token.get();
        if (fixture.compareTo(Fixture.ACCEPTED) >= 0) {
            command(staff, id, "accept", "{}").statusCode(200);
        }
        if (fixture.compareTo(Fixture.RESPONDED) >= 0) {
            command(staff, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                    .statusCode(200);
        }
        if (fixture.compareTo(Fixture.RESOLVED) >= 0) {
            command(staff, id, "resolve", "{\"result\":\"bulb replaced\"}").statusCode(200);
        }
        return id;
    }
}
