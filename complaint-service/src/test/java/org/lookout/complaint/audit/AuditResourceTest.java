package org.lookout.complaint.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.ServiceDatabase;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * complaint-service's own audit chain (the {@code audit} library, as in the cadre registry): inspectors and admin read
 * the rows of a period and the verdict; a row edited in the database is named.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AuditResourceTest {

    private static final ServiceDatabase DATABASE = ServiceDatabase.of("complaint");

    @Test
    void aConfidentialReadIsInTheChainAndAnEditOfItsRowIsNamed() {
        String id = submit(Tokens.resident("DCY"), report("cadre-conduct", "DCY", "APP")).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.inspector()).header("X-Access-Reason", URLEncoder.encode("线索初核",
                StandardCharsets.UTF_8)).get("/api/complaints/" + id).then().statusCode(200);

        Map<String, Object> row = given().auth().oauth2(Tokens.admin()).get("/api/complaints/audit" + period())
                .then().statusCode(200).body("verdict.intact", equalTo(true)).extract().jsonPath()
                .getMap("rows.find { it.target == 'report " + id + " via GET /api/complaints/" + id + "' }");
        assertThat(row).containsEntry("actor", "inspector-1").containsEntry("reason", "线索初核")
                .containsEntry("action", "READ_CONFIDENTIAL_REPORT");

        long seq = ((Number) row.get("seq")).longValue();
        DATABASE.execute("update audit_chain set actor = 'somebody-else' where seq = ?", seq);
        try {
            given().auth().oauth2(Tokens.inspector()).get("/api/complaints/audit" + period()).then().statusCode(200)
                    .body("verdict.intact", equalTo(false)).body("verdict.brokenLink.seq", equalTo((int) seq))
                    .body("verdict.brokenLink.kind", equalTo("EDITED"));
        } finally {
            DATABASE.execute("update audit_chain set actor = 'inspector-1' where seq = ?", seq);
        }
        given().auth().oauth2(Tokens.inspector()).get("/api/complaints/audit" + period()).then().statusCode(200)
                .body("verdict.intact", equalTo(true));
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/audit" + period()).then().statusCode(403);
        given().auth().oauth2(Tokens.inspector()).get("/api/complaints/audit?from=x").then().statusCode(400);
    }

    private static String period() {
        return "?from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(60);
    }
}
