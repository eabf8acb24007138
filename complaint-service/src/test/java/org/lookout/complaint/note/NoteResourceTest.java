package org.lookout.complaint.note;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

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
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class NoteResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FILER = "note-filer";

    @Inject
    Pool pool;

    @Test
    void staffAndSupervisorsAddNotesTheReporterReadsOnlyThePublicOnes() {
        String id = filed();
        String publicText = "Electrician booked for Tuesday " + UUID.randomUUID();
        String internalText = "Property company slow again, 3rd time " + UUID.randomUUID();

        note(Tokens.staff("DCY"), id, publicText, "PUBLIC").statusCode(201)
                .body("visibility", equalTo("PUBLIC")).body("authorRole", equalTo("staff"))
                .body("text", equalTo(publicText));
        note(Tokens.supervisor("DCYJD"), id, internalText, "INTERNAL").statusCode(201)
                .body("authorRole", equalTo("supervisor"));

        assertThat(texts(Tokens.resident(FILER, "DCY"), id)).containsExactly(publicText);
        for (String official : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD"), Tokens.admin() }) {
            assertThat(texts(official, id)).containsExactly(publicText, internalText);
        }
    }

    @Test
    void aNoteIsInTheHistoryAndLedgerWithoutItsInternalTextForTheReporter() {
        String id = filed();
        String internalText = "Internal remark " + UUID.randomUUID();
        note(Tokens.staff("DCY"), id, internalText, "INTERNAL").statusCode(201);

        List<Map<String, Object>> seenByFiler = given().auth().oauth2(Tokens.resident(FILER, "DCY"))
                .get("/api/complaints/" + id + "/history").then().statusCode(200).extract().path("$");
        Map<String, Object> masked = seenByFiler.get(seenByFiler.size() - 1);
        assertThat(masked).containsEntry("noteVisibility", "INTERNAL").containsEntry("actorRole", "staff");
        assertThat(masked.get("note")).isNull();
        assertThat(masked.get("toStatus")).as("a note changes no status").isNull();
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + id + "/history")
                .then().statusCode(200).body("note", hasItem(internalText));
        given().auth().oauth2(Tokens.staff("DCY")).accept("application/json").queryParam("community", "DCY")
                .get("/api/ledger").then().statusCode(200).body("note", hasItem(internalText));
    }

    @Test
    void notesAreNeverPublished() {
        String id = filed();
        long before = outboxEvents(id);

        note(Tokens.staff("DCY"), id, "Called the reporter back", "PUBLIC").statusCode(201);

        assertThat(outboxEvents(id)).isEqualTo(before);
    }

    @Test
    void onlyStaffAndSupervisorsInScopeAddNotes() {
        String id = filed();
        for (String refused : new String[] { Tokens.resident(FILER, "DCY"), Tokens.lookout("DCY"), Tokens.inspector(),
                Tokens.admin(), Tokens.agency("police-dcy") }) {
            note(refused, id, "hello", "PUBLIC").statusCode(403).contentType(PROBLEM);
        }
        note(Tokens.staff("DCN"), id, "hello", "PUBLIC").statusCode(404).contentType(PROBLEM);
        note(Tokens.supervisor("OTHERJD"), id, "hello", "PUBLIC").statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.resident("someone-else", "DCY")).get("/api/complaints/" + id + "/notes")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.staff("DCN")).get("/api/complaints/" + id + "/notes")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void inspectorsReadTheNotesOfConfidentialReportsThatStaffCannotSee() {
        String id = submit(Tokens.resident("DCY"), report("cadre-conduct", "DCY", "APP")).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.inspector()).header("X-Access-Reason", "tip-off review")
                .get("/api/complaints/" + id + "/notes").then().statusCode(200);
        note(Tokens.staff("DCY"), id, "hello", "PUBLIC").statusCode(404);
    }

    @Test
    void aBadNoteIsAProblemNamingTheField() {
        String id = filed();
        String staff = Tokens.staff("DCY");

        command(staff, id, "notes", "{\"visibility\":\"PUBLIC\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        note(staff, id, "x".repeat(2001), "PUBLIC").statusCode(400).body("errors.field", hasItem("text"));
        note(staff, id, "fine", "SECRET").statusCode(400).body("errors[0].field", equalTo("visibility"));
        command(staff, id, "notes", "{\"text\":\"fine\"}").statusCode(400).body("errors.field", hasItem("visibility"));
        note(staff, id, "x".repeat(2000), "INTERNAL").statusCode(201);
    }

    private String filed() {
        return submit(Tokens.resident(FILER, "DCY"), report()).statusCode(201).extract().path("id");
    }

    private long outboxEvents(String id) {
        return pool.preparedQuery("select count(*) as n from outbox_event where subject = $1 or partition_key = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong("n");
    }

    private static ValidatableResponse note(String token, String id, String text,
            String visibility) {
        return command(token, id, "notes", "{\"text\":\"%s\",\"visibility\":\"%s\"}".formatted(text, visibility));
    }

    private static List<String> texts(String token, String id) {
        return given().auth().oauth2(token).get("/api/complaints/" + id + "/notes").then().statusCode(200)
                .extract().path("text");
    }
}
