package org.lookout.complaint.casefile;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * The case endpoints × every caller, with the agency clients of three agencies: one with an open part of the
 * escalation, one whose part closed (returned) a moment ago, one with no part. Only the first two read the case; the
 * third gets 404 as if it did not exist; every other role 403, the public 401. (A part closed longer ago than the
 * period: {@link CaseFileResourceTest}.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class CaseFileRoleMatrixTest {

    /** The callers, in the order of the columns. */
    enum Who {
        ANONYMOUS(() -> null),
        RESIDENT(() -> Tokens.resident("DCY")),
        LOOKOUT(() -> Tokens.lookout("DCY")),
        STAFF(() -> Tokens.staff("DCY")),
        SUPERVISOR(() -> Tokens.supervisor("DCYJD")),
        INSPECTOR(Tokens::inspector),
        ADMIN(Tokens::admin),
        AGENCY_WITH_OPEN_PART(() -> Tokens.agency("psb-district")),
        AGENCY_WITH_RECENTLY_CLOSED_PART(() -> Tokens.agency("market-dcy")),
        AGENCY_WITHOUT_PART(() -> Tokens.agency("police-dcy"));

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    record Endpoint(String name, String path, String accept, int... expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    // @formatter:off
    /** Columns: ANONYMOUS RESIDENT LOOKOUT STAFF SUPERVISOR INSPECTOR ADMIN AGENCY_WITH_OPEN_PART
     *  AGENCY_WITH_RECENTLY_CLOSED_PART AGENCY_WITHOUT_PART. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET case", "/api/escalations/{id}/case", "application/json",
                    401, 403, 403, 403, 403, 403, 403, 200, 200, 404),
            new Endpoint("GET case attachment", "/api/escalations/{id}/case/attachments/{attachmentId}", "*/*",
                    401, 403, 403, 403, 403, 403, 403, 200, 200, 404));
    // @formatter:on

    /** One escalated report for every cell: psb-district leads, market-dcy returned its part. */
    private static String escalationId;
    private static String attachmentId;

    static Stream<Arguments> cells() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(endpoint, who, endpoint.expected()[who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void eachCallerGetsTheStatusTheTableSays(Endpoint endpoint, Who who, int expected) {
        prepare();
        RequestSpecification request = given().accept(endpoint.accept());
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        request.get(endpoint.path().replace("{id}", escalationId).replace("{attachmentId}", attachmentId))
                .then().statusCode(expected);
    }

    private static synchronized void prepare() {
        if (escalationId != null) {
            return;
        }
        String reportId = CaseFiles.recordedReport("hazardous-materials");
        String opened = CaseFiles.opened(reportId, false, "psb-district:PUBLIC_SECURITY",
                "market-dcy:MARKET_REGULATION");
        CaseFiles.changed(EventType.ESCALATION_RETURNED, reportId, opened, "market-dcy", "RETURNED", "OPEN",
                Instant.now(), data -> data.put("lead", false));
        attachmentId = given().auth().oauth2(CaseFiles.STAFF).get("/api/complaints/{id}/attachments", reportId)
                .then().statusCode(200).extract().path("[0].id");
        escalationId = opened;
    }
}
