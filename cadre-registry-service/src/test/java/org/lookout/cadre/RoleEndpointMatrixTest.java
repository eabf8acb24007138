package org.lookout.cadre;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.security.Roles;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of cadre-registry-service × every caller → the status it must answer: the eight realm roles, both
 * attributes ({@code informationOfficer}, {@code communityHead}), staff of another community and both inspectors (of
 * the street of community DCY, and of another street). One row per JAX-RS method ({@code EndpointMatrixCoverageTest}
 * fails when one has no row). The official, record, opinion or notice a cell needs belongs to community DCY; a cell
 * expected to change something gets a fresh one. Reads that require {@code X-Access-Reason} are sent with it (its
 * absence is tested apart).
 */
@QuarkusTest
@CadreTestResources
class RoleEndpointMatrixTest {

    /** The callers of the matrix, in the order of the columns. */
    enum Who {
        ANONYMOUS(() -> null),
        RESIDENT(() -> Tokens.resident(CommunityFixture.COMMUNITY)),
        LOOKOUT(() -> Tokens.lookout(CommunityFixture.COMMUNITY)),
        INFORMATION_OFFICER(() -> Tokens.informationOfficer(CommunityFixture.COMMUNITY)),
        STAFF(Cadre::staff),
        COMMUNITY_HEAD(Cadre::head),
        STAFF_OF_ANOTHER_COMMUNITY(() -> Tokens.staff(CommunityFixture.NEIGHBOUR)),
        SUPERVISOR(() -> Tokens.supervisor(CommunityFixture.STREET)),
        INSPECTOR(Cadre::inspector),
        INSPECTOR_OF_ANOTHER_STREET(Cadre::otherInspector),
        AGENCY(() -> Tokens.agency("discipline-district")),
        APP_BACKEND(() -> Tokens.builder().subject("service-account-lookout-mobile-backend")
                .clientId("lookout-mobile-backend").roles(Roles.APP_BACKEND).sign()),
        ADMIN(Tokens::admin);

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    /** What the path's placeholder stands for before the call. */
    enum Fixture {
        NONE, OFFICIAL, OFFICIAL_WITH_COMMITMENT, IMPORT_JOB, RECORD, ACCEPTED_RECORD, TRACKING_CODE, OPINION,
        DRAFTED_OPINION, NOTICE
    }

    /** One endpoint: method, path template, query, fixture, body (null: none; a name in capitals: made per cell). */
    record Endpoint(String method, String template, String query, Fixture fixture, String body, int... expected) {

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
            return method + " " + template;
        }
    }

    private static final String TRANSFER = "{\"status\":\"TRANSFERRED\",\"reason\":\"调任外区\"}";
    private static final String POSITIVE = "{\"kind\":\"POSITIVE\",\"text\":\"组织楼门志愿服务\",\"occurredOn\":\"2026-02-01\"}";
    private static final String CONCLUDE = "{\"disposition\":\"CLOSED\",\"summary\":\"查无实据\",\"substantiated\":false}";
    private static final String DRAFT = "{\"text\":\"该同志在社区表现良好\",\"citedEntryIds\":[]}";
    private static final String REASON = "{\"reason\":\"角色矩阵\"}";
    private static final String PERIOD = "?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z";

    // @formatter:off
    /** Columns: ANONYMOUS RESIDENT LOOKOUT INFORMATION_OFFICER STAFF COMMUNITY_HEAD STAFF_OF_ANOTHER_COMMUNITY SUPERVISOR
     *  INSPECTOR INSPECTOR_OF_ANOTHER_STREET AGENCY APP_BACKEND ADMIN. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/cadres", "", Fixture.NONE, null,
                    401, 403, 403, 403, 200, 200, 200, 403, 200, 200, 403, 403, 403),
            new Endpoint("GET", "/api/cadres", "?missingCommitment=true", Fixture.NONE, null,
                    401, 403, 403, 403, 200, 200, 200, 403, 200, 200, 403, 403, 403),
            new Endpoint("POST", "/api/cadres", "", Fixture.NONE, "FORM",
                    401, 403, 403, 403, 201, 201, 404, 403, 201, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/{id}", "", Fixture.OFFICIAL, null,
                    401, 403, 403, 403, 200, 200, 404, 403, 200, 404, 403, 403, 403),
            new Endpoint("PUT", "/api/cadres/{id}", "", Fixture.OFFICIAL, "{\"post\":\"主任\"}",
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/{id}/status", "", Fixture.OFFICIAL, TRANSFER,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/{id}/history", "", Fixture.OFFICIAL, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/{id}/commitment", "", Fixture.OFFICIAL, "LETTER",
                    401, 403, 403, 403, 201, 201, 404, 403, 201, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/{id}/commitment", "", Fixture.OFFICIAL_WITH_COMMITMENT, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/{id}/commitment/file", "", Fixture.OFFICIAL_WITH_COMMITMENT, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/{id}/archive", "", Fixture.OFFICIAL, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/{id}/archive", "", Fixture.OFFICIAL, POSITIVE,
                    401, 403, 403, 403, 201, 201, 404, 403, 201, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/imports", "", Fixture.NONE, "CSV",
                    401, 403, 403, 403, 403, 403, 403, 403, 202, 202, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/imports/{id}", "", Fixture.IMPORT_JOB, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/supervision", "", Fixture.NONE, "{\"text\":\"某干部在小区违规占用车位\"}",
                    401, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/supervision", "", Fixture.NONE, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/supervision/{id}", "", Fixture.RECORD, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/supervision/track/{code}", "", Fixture.TRACKING_CODE, null,
                    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
            new Endpoint("POST", "/api/cadres/supervision/{id}/accept", "", Fixture.RECORD, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/supervision/{id}/link", "", Fixture.RECORD, "LINK",
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/supervision/{id}/findings", "", Fixture.RECORD, "{\"findings\":\"已核实\"}",
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/supervision/{id}/conclude", "", Fixture.ACCEPTED_RECORD, CONCLUDE,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/supervision/{id}/forward", "", Fixture.RECORD,
                    "{\"accusedHeadsReceivingBody\":false}",
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/opinions", "", Fixture.NONE, "OPINION",
                    401, 403, 403, 403, 403, 403, 403, 403, 201, 422, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/opinions", "", Fixture.NONE, null,
                    401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/opinions/{id}", "", Fixture.OPINION, null,
                    401, 403, 403, 403, 200, 200, 404, 200, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/opinions/{id}/archive", "", Fixture.OPINION, null,
                    401, 403, 403, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403),
            new Endpoint("PUT", "/api/cadres/opinions/{id}/draft", "", Fixture.OPINION, DRAFT,
                    401, 403, 403, 403, 200, 200, 404, 403, 403, 403, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/opinions/{id}/issue", "", Fixture.DRAFTED_OPINION, null,
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 403, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/opinions/{id}/return", "", Fixture.DRAFTED_OPINION, REASON,
                    401, 403, 403, 403, 403, 200, 404, 403, 403, 403, 403, 403, 403),
            new Endpoint("POST", "/api/cadres/opinions/{id}/withdraw", "", Fixture.OPINION, REASON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/notices", "", Fixture.NONE, null,
                    401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403),
            new Endpoint("POST", "/api/notices", "", Fixture.NONE, "NOTICE",
                    401, 403, 403, 403, 403, 403, 403, 403, 201, 422, 403, 403, 403),
            new Endpoint("GET", "/api/notices/{id}", "", Fixture.NOTICE, null,
                    401, 200, 200, 200, 200, 200, 404, 200, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/notices/{id}/comments", "", Fixture.NOTICE,
                    "{\"text\":\"该干部平时热心公益\",\"anonymous\":true}",
                    401, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403),
            new Endpoint("GET", "/api/notices/{id}/comments", "", Fixture.NOTICE, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("POST", "/api/notices/{id}/withdraw", "", Fixture.NOTICE, REASON,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403),
            new Endpoint("GET", "/api/cadres/audit", PERIOD, Fixture.NONE, null,
                    401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403));
    // @formatter:on

    /** The fixture each row's cells share, made when a row's first cell needs it. */
    private static final Map<Endpoint, String> SHARED = new HashMap<>();

    static Stream<Arguments> cells() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(endpoint, who, endpoint.expected()[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0}{3} as {1} → {2}")
    @MethodSource("cells")
    void eachCallerGetsTheStatusTheTableSays(Endpoint endpoint, Who who, int expected) {
        String value = endpoint.changes(expected) ? fixture(endpoint.fixture())
                : SHARED.computeIfAbsent(endpoint, row -> fixture(row.fixture()));
        String path = endpoint.template().replace("{id}", value).replace("{code}", value);
        RequestSpecification request = given().urlEncodingEnabled(false).header(Cadre.REASON_HEADER, Cadre.REASON);
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            body(request, endpoint.body());
        }
        request.request(endpoint.method(), path + endpoint.query()).then().statusCode(expected);
    }

    private static void body(RequestSpecification request, String body) {
        switch (body) {
            case "FORM" -> request.contentType(ContentType.JSON).body(Cadre.form(CommunityFixture.COMMUNITY, Cadre.newName()));
            case "LINK" -> request.contentType(ContentType.JSON).body("{\"officialId\":\"" + Cadre.official() + "\"}");
            case "OPINION" -> request.contentType(ContentType.JSON)
                    .body("{\"officialId\":\"" + Cadre.official() + "\",\"purpose\":\"拟提拔\"}");
            case "NOTICE" -> request.contentType(ContentType.JSON).body("""
                    {"officialId":"%s","kind":"AWARD_NOMINATION","title":"评先评优公示","body":"拟推荐为优秀党员",
                     "windowStart":"%s","windowEnd":"%s"}""".formatted(Cadre.official(), Instant.now(),
                    Instant.now().plusSeconds(86_400)));
            case "CSV" -> request.contentType("text/csv").body(("name,employer,post,community,registeredOn\n"
                    + Cadre.newName() + ",区财政局,科长,DCY,2026-02-10\n").getBytes(StandardCharsets.UTF_8));
            case "LETTER" -> request.multiPart("file", "letter.pdf", Letters.PDF, "application/pdf")
                    .multiPart("signedOn", "2026-02-10");
            default -> request.contentType(ContentType.JSON).body(body);
        }
    }

    /** What the placeholder of a fixture stands for, made afresh. */
    private static String fixture(Fixture fixture) {
        return switch (fixture) {
            case NONE -> "";
            case OFFICIAL -> Cadre.official();
            case OFFICIAL_WITH_COMMITMENT -> {
                String id = Cadre.official();
                Letters.file(id, Letters.PDF);
                yield id;
            }
            case IMPORT_JOB -> Cadre.as(Cadre.inspector()).contentType("text/csv")
                    .body("name,employer,post,community,registeredOn\n" + Cadre.newName() + ",区财政局,科长,DCY,2026-02-10\n")
                    .post("/api/cadres/imports").then().statusCode(202).extract().path("id");
            case RECORD -> Cadre.record();
            case ACCEPTED_RECORD -> {
                String id = Cadre.record();
                Cadre.as(Cadre.inspector()).post("/api/cadres/supervision/" + id + "/accept").then().statusCode(200);
                yield id;
            }
            case TRACKING_CODE -> Cadre.as(Tokens.informationOfficer(CommunityFixture.COMMUNITY))
                    .body("{\"text\":\"追踪码\"}").post("/api/cadres/supervision").then().statusCode(201)
                    .extract().path("trackingCode");
            case OPINION -> Cadre.opinion();
            case DRAFTED_OPINION -> {
                String id = Cadre.opinion();
                Cadre.as(Cadre.staff()).body(DRAFT).put("/api/cadres/opinions/" + id + "/draft").then().statusCode(200);
                yield id;
            }
            case NOTICE -> Cadre.openNotice();
        };
    }
}
