package org.lookout.complaint.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ReporterIdentityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NAME = "王秀兰";
    private static final String PHONE = "+86-138-0013-8000";
    private static final String REASON = "X-Access-Reason";

    @Inject
    Pool pool;

    @Test
    void staffRecordANameAndPhoneThatAreStoredEncryptedOnly() {
        String id = recorded("water", "PHONE");

        Row row = pool.preparedQuery("select key_id, name_enc, phone_enc from reporter_identity where report_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();

        assertThat(row.getString("key_id")).isEqualTo("test-1");
        byte[] name = row.getBuffer("name_enc").getBytes();
        byte[] phone = row.getBuffer("phone_enc").getBytes();
        assertThat(new String(name, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain(PHONE).doesNotContain("13800138000");
        assertThat(name.length).as("96-bit IV + ciphertext + 128-bit tag")
                .isEqualTo(12 + NAME.getBytes(StandardCharsets.UTF_8).length + 16);
        String everythingElse = pool.preparedQuery("""
                select concat_ws('|', r::text,
                       (select string_agg(h::text, '|') from report_history h where h.report_id = r.id),
                       (select string_agg(o.payload, '|') from outbox_event o where o.subject = r.id::text)) as text
                  from report r where r.id = $1""")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString("text");
        assertThat(everythingElse).doesNotContain(NAME).doesNotContain(PHONE);
    }

    @Test
    void staffOfTheCommunityAndSupervisorsOfTheStreetReadTheReporter() {
        String id = recorded("noise", "VISIT");

        for (String reader : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD") }) {
            given().auth().oauth2(reader).header(REASON, "call back").get(reporter(id)).then().statusCode(200)
                    .body("name", equalTo(NAME)).body("phone", equalTo(PHONE));
        }
        String report = given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(report).doesNotContain(NAME).doesNotContain(PHONE);
    }

    @Test
    void adminResidentsLookoutsAndAgenciesNeverReadTheReporter() {
        String id = recorded("water", "LETTER");

        for (String refused : new String[] { Tokens.admin(), Tokens.resident("DCY"), Tokens.lookout("DCY"),
                Tokens.agency("police-dcy") }) {
            given().auth().oauth2(refused).get(reporter(id)).then().statusCode(403).contentType(PROBLEM);
        }
        for (String outOfScope : List.of(Tokens.staff("DCN"), Tokens.supervisor("OTHERJD"), Tokens.inspector())) {
            given().auth().oauth2(outOfScope).get(reporter(id)).then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void onlyInspectorsReadTheReporterOfAConfidentialReport() {
        String id = recorded("cadre-conduct", "VISIT");

        given().auth().oauth2(Tokens.inspector()).header(REASON, "tip-off review").get(reporter(id)).then()
                .statusCode(200).body("name", equalTo(NAME));
        given().auth().oauth2(Tokens.staff("DCY")).get(reporter(id)).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get(reporter(id)).then().statusCode(404);
    }

    @Test
    void aReportWithoutARecordedReporterIsA404() {
        String id = submit(Tokens.staff("DCY"), report("water", "DCY", "PHONE")).statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.staff("DCY")).header(REASON, "call back").get(reporter(id)).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aReadOfTheReporterSaysWhyAndIsInTheAuditChainWithItsReason() {
        String id = recorded("water", "PHONE");
        long before = audited(id);

        given().auth().oauth2(Tokens.staff("DCY")).get(reporter(id)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(REASON));
        given().auth().oauth2(Tokens.staff("DCY")).header(REASON, "  ").get(reporter(id)).then().statusCode(400);
        assertThat(audited(id)).isEqualTo(before);

        // a header is ISO-8859-1 on the wire: a reason in Chinese is sent percent-encoded
        given().auth().oauth2(Tokens.staff("DCY")).header(REASON, URLEncoder.encode("回访核对联系方式", StandardCharsets.UTF_8))
                .get(reporter(id)).then().statusCode(200);

        assertThat(audited(id)).isEqualTo(before + 1);
        Row row = pool.preparedQuery("select actor, role, reason from audit_chain where action = 'READ_REPORTER_IDENTITY'"
                + " and target = $1 order by seq desc limit 1").execute(Tuple.of("report " + id)).await().indefinitely()
                .iterator().next();
        assertThat(row.getString("actor")).isEqualTo("staff-1");
        assertThat(row.getString("role")).isEqualTo("staff");
        assertThat(row.getString("reason")).isEqualTo("回访核对联系方式");
    }

    @Test
    void anInspectorsReadOfAConfidentialReportSaysWhyAndIsAudited() {
        String id = submit(Tokens.resident("DCY"), report("cadre-conduct", "DCY", "APP")).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.inspector()).get("/api/complaints/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo(REASON));
        given().auth().oauth2(Tokens.inspector()).header(REASON, "12388").get("/api/complaints/" + id)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.inspector()).header(REASON, "12388").get("/api/complaints/" + id + "/history")
                .then().statusCode(200);

        assertThat(pool.preparedQuery("select target from audit_chain where action = 'READ_CONFIDENTIAL_REPORT'"
                + " and target like $1 order by seq").execute(Tuple.of("report " + id + "%")).await().indefinitely())
                .extracting(found -> found.getString("target"))
                .containsExactly("report " + id + " via GET /api/complaints/" + id,
                        "report " + id + " via GET /api/complaints/" + id + "/history");
        // a resident's own reports and every other report are read as before, unaudited
        given().auth().oauth2(Tokens.resident("DCY")).get("/api/complaints/" + id).then().statusCode(200);
    }

    @Test
    void aNameOrPhoneIsOnlyForStaffRecordedReportsAndAPhoneIsDigits() {
        submit(Tokens.resident("DCY"), withReporter(report(), NAME, PHONE)).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reporterName"));
        submit(Tokens.staff("DCY"), withReporter(report("water", "DCY", "PHONE"), NAME, "call me maybe"))
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reporterPhone"));
        submit(Tokens.staff("DCY"), withReporter(report("water", "DCY", "PHONE"), NAME, "1".repeat(21)))
                .statusCode(400).body("errors[0].field", equalTo("reporterPhone"));
        submit(Tokens.staff("DCY"), withReporter(report("water", "DCY", "PHONE"), "x".repeat(101), PHONE))
                .statusCode(400).body("errors[0].field", equalTo("reporterName"));
        submit(Tokens.staff("DCY"), withReporter(report("water", "DCY", "PHONE"), NAME, PHONE)
                .replace("\"anonymous\":false", "\"anonymous\":true"))
                .statusCode(422).body("errors[0].field", equalTo("reporterName"));
    }

    private static String recorded(String item, String channel) {
        return submit(Tokens.staff("DCY"), withReporter(report(item, "DCY", channel), NAME, PHONE)).statusCode(201)
                .extract().path("id");
    }

    private static String withReporter(String body, String name, String phone) {
        return body.replace("\"anonymous\":false",
                "\"anonymous\":false,\"reporterName\":\"%s\",\"reporterPhone\":\"%s\"".formatted(name, phone));
    }

    private long audited(String id) {
        return pool.preparedQuery("select count(*) as n from audit_chain where action = 'READ_REPORTER_IDENTITY'"
                + " and target = $1").execute(Tuple.of("report " + id)).await().indefinitely().iterator().next()
                .getLong("n");
    }

    private static String reporter(String id) {
        return "/api/complaints/" + id + "/reporter";
    }
}
