package org.lookout.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.complaint.publicintake.PublicReports;
import org.lookout.security.Roles;
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
 * endpoint, add a row to {@link #ENDPOINTS} (the columns are the {@link Who} values, in order):
 * {@link #everyEndpointOfTheServiceHasARow()} fails for a resource method without one. Each cell that needs a report
 * gets a fresh one of community {@value #COMMUNITY}, filed by {@link Who#RESIDENT} (or recorded by staff) and brought
 * into the state the endpoint needs, so an allowed role meets a legal move (2xx), never a 409 left by another cell.
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
        INSPECTOR(() -> Tokens.builder().subject("inspector-1").roles(Roles.INSPECTOR).street(STREET).sign()),
        ADMIN(Tokens::admin),
        AGENCY(() -> Tokens.agency("police-dcy"));

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    /**
     * The state a fresh report is brought into before the call; {@code NONE}: the endpoint needs no report. Beyond the
     * lifecycle: {@code AWAITING_REPORTER} (accepted, staff wait for the reporter), {@code WITH_ATTACHMENT} (received,
     * with a photo) and {@code RECORDED_BY_STAFF} (a VISIT report with the reporter's name and phone).
     */
    enum Fixture {
        NONE, RECEIVED, ACCEPTED, RESPONDED, RESOLVED, AWAITING_REPORTER, WITH_ATTACHMENT, RECORDED_BY_STAFF,
        /** Received, with {@code {trackingNumber}}. */
        TRACKED,
        /** A PHONE report staff recorded, resolved: waiting for its follow-up. */
        RESOLVED_BY_PHONE,
        /** {@code {actionId}}: an action holding the received report {@code {id}}. */
        IN_ACTION,
        /** The same, its report accepted, or responded to on site. */
        IN_ACTION_ACCEPTED, IN_ACTION_RESPONDED,
        /** An action ({@code {actionId}}) and another open report {@code {id}} not in it. */
        ACTION_AND_OPEN_REPORT,
        /** {@code {lookoutId}}: an active lookout of the community. */
        LOOKOUT,
        /** An Open311 client key issued by admin: {@code {keyId}}. */
        OPEN311_KEY,
        /** A request filed through Open311 in the community: {@code {id}}. */
        OPEN311_REQUEST
    }

    /** What a request carries: a JSON body (its placeholders filled from the fixture), or a file as multipart. */
    interface Body {
        void on(RequestSpecification request, Map<String, String> placeholders);
    }

    static Body json(Supplier<String> json) {
        return (request, placeholders) -> {
            String body = json.get();
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                body = body.replace(placeholder.getKey(), placeholder.getValue());
            }
            request.contentType(ContentType.JSON).body(body);
        };
    }

    /** An Open311 form (a request for a corridor light in the community), with a key issued once by admin. */
    static Body open311Form(boolean withKey) {
        return (request, placeholders) -> request.contentType("application/x-www-form-urlencoded; charset=utf-8")
                .body((withKey ? "api_key=" + open311Key() + "&" : "")
                        + "service_code=corridor-lighting&lat=39.9185&long=116.5120&attribute%5BFLOOR%5D=2");
    }

    private static String open311Key;

    private static String open311Key() {
        if (open311Key == null) {
            open311Key = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"name\":\"matrix client\"}").post("/api/open311/keys").then().statusCode(201)
                    .extract().path("key");
        }
        return open311Key;
    }

    private static final String DCY_BOUNDARY = "{\"type\":\"Polygon\",\"coordinates\":[[[116.5080,39.9150],"
            + "[116.5120,39.9145],[116.5161,39.9150],[116.5158,39.9218],[116.5082,39.9220],[116.5080,39.9150]]]}";
    private static final String CORRIDOR_QUESTIONS = "{\"questions\":[{\"code\":\"FLOOR\",\"datatype\":\"number\","
            + "\"required\":true,\"promptZh\":\"哪一层楼道不亮？\",\"promptEn\":\"Which floor is dark?\","
            + "\"hintZh\":\"楼层数字，地下为负数\",\"hintEn\":\"The floor number; negative below ground\","
            + "\"options\":[]}]}";
    private static final String ANY = "*/*";

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

    static Body photo() {
        return (request, placeholders) -> request.multiPart("file", "photo.png", PNG, "image/png");
    }

    /**
     * One endpoint: method, path ({@code {id}} = the fixture's report, {@code {attachmentId}} its attachment), the state
     * of the report, the body (null: none) and the {@code Accept} type, then the expected status per {@link Who}, in
     * column order.
     */
    record Endpoint(String name, String method, String path, Fixture fixture, Body body, String accept,
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
                    json(() -> report("water", COMMUNITY, "APP")), JSON,
                    401, 201, 201, 422, 422, 403, 403, 403, 403, 403),
            new Endpoint("POST complaint by VISIT", "POST", "/api/complaints", Fixture.NONE,
                    json(() -> report("water", COMMUNITY, "VISIT")), JSON,
                    401, 422, 422, 201, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET worklist", "GET", "/api/complaints", Fixture.NONE, null, JSON,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 403),
            new Endpoint("GET worklist of community DCY", "GET", "/api/complaints?community=" + COMMUNITY,
                    Fixture.NONE, null, JSON,
                    401, 200, 200, 200, 404, 200, 404, 200, 200, 403),
            worklistFilter("status=RECEIVED,ACCEPTED&status=REOPENED"),
            worklistFilter("item=water"),
            worklistFilter("category=LIFE"),
            worklistFilter("channel=PHONE"),
            worklistFilter("assignee=VOLUNTEER"),
            worklistFilter("assignee=staff-1"),
            worklistFilter("receivedFrom=2026-01-01&receivedTo=2026-12-31"),
            worklistFilter("dueBefore=2026-12-31T16:00:00Z"),
            worklistFilter("warned=true"),
            worklistFilter("breached=false"),
            worklistFilter("unrated=true"),
            worklistFilter("q=light"),
            worklistFilter("sort=received&limit=200"),
            new Endpoint("GET complaint by tracking number", "GET", "/api/complaints/by-tracking/{trackingNumber}",
                    Fixture.TRACKED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 403),
            new Endpoint("GET complaint", "GET", "/api/complaints/{id}", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET history", "GET", "/api/complaints/{id}/history", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("POST accept", "POST", "/api/complaints/{id}/accept", Fixture.RECEIVED, json(() -> "{}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST reject", "POST", "/api/complaints/{id}/reject", Fixture.RECEIVED,
                    json(() -> "{\"reason\":\"SPAM\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST assign", "POST", "/api/complaints/{id}/assign", Fixture.ACCEPTED,
                    json(() -> "{\"unit\":\"VOLUNTEER\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST respond", "POST", "/api/complaints/{id}/respond", Fixture.ACCEPTED,
                    json(() -> "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST resolve", "POST", "/api/complaints/{id}/resolve", Fixture.RESPONDED,
                    json(() -> "{\"result\":\"fixed\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST feedback", "POST", "/api/complaints/{id}/feedback", Fixture.RESOLVED,
                    json(() -> "{\"satisfied\":true}"), JSON,
                    401, 200, 404, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("POST close", "POST", "/api/complaints/{id}/close", Fixture.RESOLVED,
                    json(() -> "{\"resolvable\":true}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("GET ledger JSON", "GET", "/api/ledger?community=" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET ledger CSV", "GET", "/api/ledger?community=" + COMMUNITY, Fixture.NONE, null, "text/csv",
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET statistics", "GET", "/api/statistics?scope=" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 200, 200, 403),
            new Endpoint("GET public statistics", "GET", "/api/statistics/public?community=" + COMMUNITY + "&month=2026-02",
                    Fixture.NONE, null, JSON,
                    401, 200, 200, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET ranking", "GET", "/api/statistics/ranking?street=" + STREET, Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 200, 404, 403, 200, 403),
            new Endpoint("POST note", "POST", "/api/complaints/{id}/notes", Fixture.RECEIVED,
                    json(() -> "{\"text\":\"called the reporter\",\"visibility\":\"PUBLIC\"}"), JSON,
                    401, 403, 403, 201, 404, 201, 404, 403, 403, 403),
            new Endpoint("GET notes", "GET", "/api/complaints/{id}/notes", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET attachments", "GET", "/api/complaints/{id}/attachments", Fixture.RECEIVED, null, JSON,
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET tracking of an unknown code", "GET", "/api/complaints/track/ZZZZZZZZZZZZ", Fixture.NONE,
                    null, JSON,
                    404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("POST await-reporter", "POST", "/api/complaints/{id}/await-reporter", Fixture.ACCEPTED,
                    json(() -> "{}"), JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("PUT taxonomy item (as seeded)", "PUT", "/api/taxonomy/items/corridor-lighting", Fixture.NONE,
                    json(() -> "{\"nameZh\":\"楼道照明\",\"nameEn\":\"Corridor lighting\",\"resolutionDays\":3,"
                            + "\"confidential\":false,\"active\":true}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET taxonomy audit", "GET", "/api/taxonomy/audit", Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("POST reporter-answered", "POST", "/api/complaints/{id}/reporter-answered",
                    Fixture.AWAITING_REPORTER, json(() -> ""), JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("POST attachment", "POST", "/api/complaints/{id}/attachments", Fixture.RECEIVED, photo(), JSON,
                    401, 201, 404, 201, 404, 201, 404, 404, 201, 404),
            new Endpoint("GET attachment", "GET", "/api/complaints/{id}/attachments/{attachmentId}",
                    Fixture.WITH_ATTACHMENT, null, "*/*",
                    401, 200, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET reporter", "GET", "/api/complaints/{id}/reporter", Fixture.RECORDED_BY_STAFF, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 404, 403, 403),
            new Endpoint("PUT escalation rules of an item (as seeded)", "PUT",
                    "/api/taxonomy/items/food-drug-safety/escalation", Fixture.NONE,
                    json(() -> "{\"escalatesImmediately\":true,\"escalationAgencyKinds\":[\"MARKET_REGULATION\"],"
                            + "\"jointEscalation\":false,\"leadAgencyKind\":\"MARKET_REGULATION\"}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("PUT escalation rules of an item, its resolution breach to the street (as seeded)", "PUT",
                    "/api/taxonomy/items/food-drug-safety/escalation", Fixture.NONE,
                    json(() -> "{\"escalatesImmediately\":true,\"escalationAgencyKinds\":[\"MARKET_REGULATION\"],"
                            + "\"jointEscalation\":false,\"leadAgencyKind\":\"MARKET_REGULATION\","
                            + "\"resolutionBreachAgencyKind\":null}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("PUT escalation rules of an item, its resolution breach to STREET_OFFICE", "PUT",
                    "/api/taxonomy/items/food-drug-safety/escalation", Fixture.NONE,
                    json(() -> "{\"escalatesImmediately\":true,\"escalationAgencyKinds\":[\"MARKET_REGULATION\"],"
                            + "\"jointEscalation\":false,\"leadAgencyKind\":\"MARKET_REGULATION\","
                            + "\"resolutionBreachAgencyKind\":\"STREET_OFFICE\"}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 422, 403),
            new Endpoint("GET communities", "GET", "/api/taxonomy/communities", Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET community", "GET", "/api/taxonomy/communities/" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("PUT community (as seeded)", "PUT", "/api/taxonomy/communities/" + COMMUNITY, Fixture.NONE,
                    json(() -> "{\"nameZh\":\"东朝阳路南社区\",\"nameEn\":\"Dongchaoyang Road South\","
                            + "\"streetCode\":\"" + STREET + "\",\"active\":true}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET community audit", "GET", "/api/taxonomy/communities/audit", Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("POST follow-up", "POST", "/api/complaints/{id}/follow-up", Fixture.RESOLVED_BY_PHONE,
                    json(() -> "{\"reachedBy\":\"PHONE\",\"satisfied\":true,\"reachedAt\":\"" + Instant.now() + "\"}"),
                    JSON,
                    401, 403, 403, 201, 404, 403, 403, 403, 201, 403),
            new Endpoint("GET follow-ups", "GET", "/api/complaints/{id}/follow-up", Fixture.RECEIVED, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("POST anonymous feedback with an unknown code", "POST",
                    "/api/complaints/track/ZZZZZZZZZZZZ/feedback", Fixture.NONE, json(() -> "{\"satisfied\":true}"),
                    JSON,
                    404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("POST action", "POST", "/api/complaints/actions", Fixture.RECEIVED,
                    json(() -> "{\"title\":\"gas alarms\",\"itemCode\":\"heating-gas\",\"reportIds\":[\"{id}\"]}"),
                    JSON,
                    401, 403, 403, 201, 422, 403, 403, 403, 201, 403),
            new Endpoint("GET actions", "GET", "/api/complaints/actions?community=" + COMMUNITY, Fixture.NONE, null,
                    JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("GET action", "GET", "/api/complaints/actions/{actionId}", Fixture.IN_ACTION, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("POST reports to an action", "POST", "/api/complaints/actions/{actionId}/reports",
                    Fixture.ACTION_AND_OPEN_REPORT, json(() -> "{\"reportIds\":[\"{id}\"]}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("DELETE report from an action", "DELETE", "/api/complaints/actions/{actionId}/reports/{id}",
                    Fixture.IN_ACTION, null, JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST action accept", "POST", "/api/complaints/actions/{actionId}/accept", Fixture.IN_ACTION,
                    json(() -> "{}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST action assign", "POST", "/api/complaints/actions/{actionId}/assign",
                    Fixture.IN_ACTION_ACCEPTED, json(() -> "{\"unit\":\"VOLUNTEER\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST action respond", "POST", "/api/complaints/actions/{actionId}/respond",
                    Fixture.IN_ACTION_ACCEPTED,
                    json(() -> "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST action resolve", "POST", "/api/complaints/actions/{actionId}/resolve",
                    Fixture.IN_ACTION_RESPONDED, json(() -> "{\"result\":\"alarms installed\"}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("GET lookouts", "GET", "/api/lookouts?community=" + COMMUNITY, Fixture.NONE, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("POST lookout", "POST", "/api/lookouts", Fixture.NONE,
                    json(() -> "{\"username\":\"matrix-" + UUID.randomUUID() + "\",\"name\":\"王楼长\","
                            + "\"kind\":\"BUILDING_HEAD\",\"buildings\":[\"3\"],\"communityCode\":\"" + COMMUNITY
                            + "\"}"), JSON,
                    401, 403, 403, 201, 404, 403, 403, 403, 201, 403),
            new Endpoint("GET lookout", "GET", "/api/lookouts/{lookoutId}", Fixture.LOOKOUT, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("PUT lookout", "PUT", "/api/lookouts/{lookoutId}", Fixture.LOOKOUT,
                    json(() -> "{\"name\":\"王楼长\",\"kind\":\"CLEANER\",\"buildings\":[\"3\",\"4\"]}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("POST lookout retire", "POST", "/api/lookouts/{lookoutId}/retire", Fixture.LOOKOUT,
                    json(() -> "{}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            new Endpoint("GET buildings", "GET", "/api/lookouts/buildings?community=" + COMMUNITY, Fixture.NONE, null,
                    JSON,
                    401, 403, 403, 200, 404, 200, 404, 403, 200, 403),
            new Endpoint("PUT buildings", "PUT", "/api/lookouts/buildings?community=" + COMMUNITY, Fixture.NONE,
                    json(() -> "{\"buildings\":[\"1\",\"2\",\"3\"]}"), JSON,
                    401, 403, 403, 200, 404, 403, 403, 403, 200, 403),
            // issue 14, agencies and the public: {id} of the case endpoints is an escalation id, here none the agency
            // has a part in (CaseFileRoleMatrixTest has the agencies that do)
            new Endpoint("GET case file", "GET", "/api/escalations/{id}/case", Fixture.RECEIVED, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 403, 404),
            new Endpoint("GET case file attachment", "GET", "/api/escalations/{id}/case/attachments/{attachmentId}",
                    Fixture.WITH_ATTACHMENT, null, "*/*",
                    401, 403, 403, 403, 403, 403, 403, 403, 403, 404),
            new Endpoint("GET case reads", "GET", "/api/complaints/{id}/case-reads", Fixture.RECEIVED, null, JSON,
                    401, 403, 403, 200, 404, 200, 404, 404, 200, 403),
            new Endpoint("GET public challenge", "GET", "/api/public/challenge?community=" + COMMUNITY, Fixture.NONE,
                    null, JSON,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST public report", "POST", "/api/public/reports", Fixture.NONE,
                    json(() -> PublicReports.solvedReport("noise", COMMUNITY)), JSON,
                    201, 201, 201, 201, 201, 201, 201, 201, 201, 201),
            new Endpoint("GET item questions", "GET", "/api/taxonomy/items/water/questions", Fixture.NONE, null, JSON,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("PUT item questions (as seeded)", "PUT", "/api/taxonomy/items/corridor-lighting/questions",
                    Fixture.NONE, json(() -> CORRIDOR_QUESTIONS), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET item questions audit", "GET", "/api/taxonomy/items/water/questions/audit", Fixture.NONE,
                    null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET community boundary", "GET", "/api/taxonomy/communities/" + COMMUNITY + "/boundary",
                    Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("PUT community boundary (as seeded)", "PUT",
                    "/api/taxonomy/communities/" + COMMUNITY + "/boundary", Fixture.NONE, json(() -> DCY_BOUNDARY), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("POST Open311 key", "POST", "/api/open311/keys", Fixture.NONE,
                    json(() -> "{\"name\":\"a client\"}"), JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 201, 403),
            new Endpoint("GET Open311 keys", "GET", "/api/open311/keys", Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("POST revoke Open311 key", "POST", "/api/open311/keys/{keyId}/revoke", Fixture.OPEN311_KEY,
                    null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 403),
            new Endpoint("GET a report's Open311 filing", "GET", "/api/complaints/{id}/open311",
                    Fixture.OPEN311_REQUEST, null, JSON,
                    401, 404, 404, 200, 404, 200, 404, 404, 200, 404),
            new Endpoint("GET Open311 discovery", "GET", "/open311/v2/discovery.xml", Fixture.NONE, null, ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET Open311 services", "GET", "/open311/v2/services.json", Fixture.NONE, null, ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET Open311 service definition", "GET", "/open311/v2/services/water.xml", Fixture.NONE, null,
                    ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST Open311 request with a key", "POST", "/open311/v2/requests.xml", Fixture.NONE,
                    open311Form(true), ANY,
                    201, 201, 201, 201, 201, 201, 201, 201, 201, 201),
            new Endpoint("POST Open311 request without a key", "POST", "/open311/v2/requests.json", Fixture.NONE,
                    open311Form(false), ANY,
                    403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET Open311 requests", "GET", "/open311/v2/requests.json", Fixture.NONE, null, ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET Open311 request", "GET", "/open311/v2/requests/{trackingNumber}.json", Fixture.RECEIVED,
                    null, ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET Open311 token", "GET", "/open311/v2/tokens/{id}.xml", Fixture.RECEIVED, null, ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET Open311 updates", "GET", "/open311/v2/servicerequestupdates.json", Fixture.NONE, null,
                    ANY,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("GET unknown Open311 path", "GET", "/open311/nothing", Fixture.NONE, null, ANY,
                    404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("POST unknown Open311 path", "POST", "/open311/nothing", Fixture.NONE,
                    open311Form(true), ANY,
                    404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Endpoint("GET audit chain", "GET", "/api/complaints/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z",
                    Fixture.NONE, null, JSON,
                    401, 403, 403, 403, 403, 403, 403, 200, 200, 403));
    // @formatter:on

    /** A worklist filter: every role with a worklist gets 200 (its own reports filtered), agency 403. */
    private static Endpoint worklistFilter(String query) {
        return new Endpoint("GET worklist with " + query, "GET", "/api/complaints?" + query, Fixture.NONE, null, JSON,
                401, 200, 200, 200, 200, 200, 200, 200, 200, 403);
    }

    static Stream<Arguments> cells() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(endpoint, who, endpoint.expected()[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void eachRoleGetsTheStatusTheTableSays(Endpoint endpoint, Who who, int expected) {
        String path = endpoint.path();
        Map<String, String> placeholders = prepared(endpoint.fixture());
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            path = path.replace(placeholder.getKey(), placeholder.getValue());
        }
        // reads of a reporter's identity say why (without it: 400, tested in ReporterIdentityTest)
        RequestSpecification request = given().accept(endpoint.accept()).header("X-Access-Reason", "role matrix");
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            endpoint.body().on(request, placeholders);
        }
        request.request(endpoint.method(), path).then().statusCode(expected);
    }

    /**
     * Every resource method of the service (found by reflection over the compiled resource classes: method, path
     * template, the media types it produces) has a row that calls it; a new endpoint without a row fails here.
     */
    @Test
    void everyEndpointOfTheServiceHasARow() throws IOException {
        List<String> missing = new ArrayList<>();
        for (ResourceMethod method : resourceMethods()) {
            boolean covered = ENDPOINTS.stream().anyMatch(row -> row.method().equals(method.httpMethod())
                    && row.path().split("\\?")[0].replaceAll("\\{[^}/]+}", "x").matches(method.pathPattern())
                    && method.produces().stream().anyMatch(type -> compatible(row.accept(), type)));
            if (!covered) {
                missing.add(method.toString());
            }
        }
        assertThat(resourceMethods()).as("resource methods found").hasSizeGreaterThan(20);
        assertThat(missing).as("endpoints without a row in ENDPOINTS").isEmpty();
    }

    /** A JAX-RS resource method: its HTTP method, its path as a pattern, what it produces. */
    record ResourceMethod(String httpMethod, String template, List<String> produces) {

        String pathPattern() {
            return template.replaceAll("\\{[^}/]+}", "[^/]+");
        }

        @Override
        public String toString() {
            return httpMethod + " " + template + " " + produces;
        }
    }

    /** Read from the service's compiled classes (target/classes): every class with {@code @Path} and its methods. */
    static List<ResourceMethod> resourceMethods() throws IOException {
        Path classes = Path.of("target", "classes");
        List<ResourceMethod> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/lookout/complaint"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String template = ("/" + root.value() + "/" + (sub == null ? "" : sub.value()))
                            .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                    Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                            : type.getAnnotation(Produces.class);
                    found.add(new ResourceMethod(httpMethod, template,
                            produces == null ? List.of("*/*") : List.of(produces.value())));
                }
            }
        }
        return found;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RoleEndpointMatrixTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled but not loadable: " + name, e);
        }
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
    }

    /** Whether an {@code Accept} value selects a produced media type (parameters ignored). */
    private static boolean compatible(String accept, String produced) {
        String wanted = accept.split(";")[0].strip();
        String offered = produced.split(";")[0].strip();
        return wanted.equals("*/*") || offered.equals("*/*") || wanted.equals(offered);
    }

    /** The placeholders of a fixture: a fresh report brought into its state, and what else it needs. */
    private static Map<String, String> prepared(Fixture fixture) {
        String staff = Who.STAFF.token.get();
        return switch (fixture) {
            case NONE -> Map.of();
            case RECORDED_BY_STAFF -> Map.of("{id}", submit(staff, report("noise", COMMUNITY, "VISIT")
                    .replace("\"anonymous\":false", "\"anonymous\":false,\"reporterName\":\"王\""))
                    .statusCode(201).extract().path("id"));
            case WITH_ATTACHMENT -> {
                String id = reportIn(Fixture.RECEIVED);
                String attachmentId = given().auth().oauth2(staff).multiPart("file", "photo.png", PNG, "image/png")
                        .post("/api/complaints/" + id + "/attachments").then().statusCode(201).extract().path("id");
                yield Map.of("{id}", id, "{attachmentId}", attachmentId);
            }
            case TRACKED -> {
                var filed = submit(Who.RESIDENT.token.get(), report("corridor-lighting", COMMUNITY, "APP"))
                        .statusCode(201).extract();
                yield Map.of("{id}", filed.path("id"), "{trackingNumber}", filed.path("trackingNumber"));
            }
            case RESOLVED_BY_PHONE -> {
                String id = submit(staff, report("noise", COMMUNITY, "PHONE")).statusCode(201).extract().path("id");
                command(staff, id, "accept", "{}").statusCode(200);
                command(staff, id, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                        .statusCode(200);
                command(staff, id, "resolve", "{\"result\":\"quiet again\"}").statusCode(200);
                yield Map.of("{id}", id);
            }
            case IN_ACTION, IN_ACTION_ACCEPTED, IN_ACTION_RESPONDED -> {
                String id = reportIn(Fixture.RECEIVED);
                String actionId = action(staff, id);
                if (fixture != Fixture.IN_ACTION) {
                    actionCommand(staff, actionId, "accept", "{}");
                }
                if (fixture == Fixture.IN_ACTION_RESPONDED) {
                    actionCommand(staff, actionId, "respond",
                            "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}");
                }
                yield Map.of("{id}", id, "{actionId}", actionId);
            }
            case ACTION_AND_OPEN_REPORT -> Map.of("{actionId}", action(staff, reportIn(Fixture.RECEIVED)),
                    "{id}", reportIn(Fixture.RECEIVED));
            case LOOKOUT -> Map.of("{lookoutId}", given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body("{\"username\":\"matrix-" + UUID.randomUUID() + "\",\"name\":\"李保洁\","
                            + "\"kind\":\"CLEANER\",\"buildings\":[\"5\"]}")
                    .post("/api/lookouts").then().statusCode(201).extract().path("id"));
            case OPEN311_REQUEST -> {
                RequestSpecification filing = given();
                open311Form(true).on(filing, Map.of());
                String number = filing.post("/open311/v2/requests.json").then().statusCode(201).extract()
                        .path("[0].service_request_id");
                yield Map.of("{id}", ComplaintDatabase.strings("select id from report where tracking_number = ?",
                        number).getFirst());
            }
            case OPEN311_KEY -> Map.of("{keyId}", given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"name\":\"to be revoked\"}").post("/api/open311/keys").then().statusCode(201)
                    .extract().path("id"));
            case AWAITING_REPORTER -> {
                String id = reportIn(Fixture.ACCEPTED);
                command(staff, id, "await-reporter", "{}").statusCode(200);
                yield Map.of("{id}", id);
            }
            default -> {
                String id = reportIn(fixture);
                yield Map.of("{id}", id, "{trackingNumber}",
                        ComplaintDatabase.strings("select tracking_number from report where id = ?::uuid", id).getFirst());
            }
        };
    }

    /** A new action of the community holding the report. */
    private static String action(String staff, String reportId) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"title\":\"gas alarms\",\"itemCode\":\"heating-gas\",\"reportIds\":[\"" + reportId + "\"]}")
                .post("/api/complaints/actions").then().statusCode(201).extract().path("id");
    }

    private static void actionCommand(String staff, String actionId, String action, String body) {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/complaints/actions/" + actionId + "/" + action).then().statusCode(200);
    }

    /** A fresh report of the filer, brought by the community's staff into a lifecycle state. */
    private static String reportIn(Fixture fixture) {
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
