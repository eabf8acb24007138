package org.lookout.complaint.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class AnonymousTrackingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SECRET = "X-Tracking-Secret";

    @Inject
    Pool pool;

    @Test
    void anAnonymousReportGetsACodeAndASecretOfWhichOnlyTheHashIsStored() throws Exception {
        Map<String, Object> answer = submit(Tokens.resident("anon-1", "DCY"), anonymous()).statusCode(201)
                .header("Cache-Control", "no-store").extract().path("$");
        String code = (String) answer.get("trackingCode");
        String secret = (String) answer.get("trackingSecret");

        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}");
        assertThat(secret).matches("[A-Za-z0-9_-]{32}");
        Row stored = pool.preparedQuery("""
                select t.secret_hash, r.filed_by_ref
                  from anonymous_tracking t join report r on r.id = t.report_id where t.code = $1""")
                .execute(Tuple.of(code)).await().indefinitely().iterator().next();
        assertThat(stored.getBuffer("secret_hash").getBytes()).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.getString("filed_by_ref")).as("the filing account is not stored").isNull();
        given().auth().oauth2(Tokens.resident("anon-1", "DCY")).get("/api/complaints")
                .then().statusCode(200).body("id", not(hasItem(answer.get("id"))));
    }

    @Test
    void aRetriedAnonymousReportReplaysItsSecretButTheIdempotencyStoreCannotReadItOrTellWhose() {
        String subject = "anon-idempotent-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(Tokens.resident(subject, "DCY"))
                .contentType("application/json").header("Idempotency-Key", key).body(anonymous())
                .when().post("/api/complaints");
        first.then().statusCode(201);
        String secret = first.path("trackingSecret");

        Response retry = given().auth().oauth2(Tokens.resident(subject, "DCY"))
                .contentType("application/json").header("Idempotency-Key", key).body(anonymous())
                .when().post("/api/complaints");

        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Cache-Control", "no-store");
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        String everythingStored = pool.query("select * from idempotency_key").execute().await().indefinitely()
                .stream().map(row -> {
                    StringBuilder columns = new StringBuilder();
                    for (int i = 0; i < row.size(); i++) {
                        Object value = row.getValue(i);
                        columns.append(value instanceof Buffer buffer
                                ? new String(buffer.getBytes(), StandardCharsets.ISO_8859_1) : String.valueOf(value))
                                .append('|');
                    }
                    return columns.toString();
                }).reduce("", String::concat);
        assertThat(everythingStored).isNotEmpty()
                .doesNotContain(secret, subject, key, (String) first.path("id"), (String) first.path("trackingCode"));
    }

    @Test
    void aReportWithANameHasNoTrackingCode() {
        Map<String, Object> answer = submit(Tokens.resident("DCY"), report()).statusCode(201).extract().path("$");

        assertThat(answer).doesNotContainKeys("trackingCode", "trackingSecret");
    }

    @Test
    void theHolderOfTheSecretSeesStatusTimesAndPublicNotesWithoutAToken() {
        Map<String, Object> answer = submit(Tokens.resident("DCY"), anonymous()).statusCode(201).extract().path("$");
        String id = (String) answer.get("id");
        String code = (String) answer.get("trackingCode");
        String secret = (String) answer.get("trackingSecret");
        command(Tokens.staff("DCY"), id, "accept", "{}").statusCode(200);
        note(id, "We will come on Monday", "PUBLIC");
        note(id, "Caller sounded like the neighbour from 4-1", "INTERNAL");

        Map<String, Object> tracked = given().header(SECRET, secret).get("/api/complaints/track/" + code)
                .then().statusCode(200)
                .body("trackingNumber", equalTo(answer.get("trackingNumber")))
                .body("status", equalTo("ACCEPTED"))
                .body("itemCode", equalTo("corridor-lighting"))
                .body("publicNotes.text", equalTo(List.of("We will come on Monday")))
                .extract().path("$");

        assertThat(tracked).containsOnlyKeys("trackingNumber", "status", "itemCode", "receivedAt", "resolvedAt",
                "publicNotes");
        given().header(SECRET, secret).get("/api/complaints/track/" + code.toLowerCase())
                .then().statusCode(200).body("trackingNumber", equalTo(answer.get("trackingNumber")));
    }

    @Test
    void wrongOrMissingSecretAndUnknownCodeAreTheSame404() {
        Map<String, Object> answer = submit(Tokens.resident("DCY"), anonymous()).statusCode(201).extract().path("$");
        String code = (String) answer.get("trackingCode");

        String wrong = notFound(given().header(SECRET, "not-the-secret").get("/api/complaints/track/" + code).then());
        String missing = notFound(given().get("/api/complaints/track/" + code).then());
        String unknown = notFound(given().header(SECRET, answer.get("trackingSecret"))
                .get("/api/complaints/track/ZZZZZZZZZZZZ").then());
        String malformed = notFound(given().header(SECRET, answer.get("trackingSecret"))
                .get("/api/complaints/track/" + UUID.randomUUID()).then());

        assertThat(missing).isEqualTo(wrong);
        assertThat(unknown).isEqualTo(wrong);
        assertThat(malformed).isEqualTo(wrong);
    }

    private static String notFound(ValidatableResponse response) {
        return response.statusCode(404).contentType(PROBLEM).extract().path("detail");
    }

    private static void note(String id, String text, String visibility) {
        command(Tokens.staff("DCY"), id, "notes", "{\"text\":\"%s\",\"visibility\":\"%s\"}".formatted(text, visibility))
                .statusCode(201);
    }

    private static String anonymous() {
        return report().replace("\"anonymous\":false", "\"anonymous\":true");
    }
}
