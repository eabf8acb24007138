package org.lookout.cadre.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;

import io.quarkus.test.junit.QuarkusTest;

/** The conduct archive: read by inspectors only, with a reason, audited; added to, never changed or deleted. */
@QuarkusTest
@CadreTestResources
class ArchiveResourceTest {

    private static final String POSITIVE = "{\"kind\":\"POSITIVE\",\"text\":\"带头参加楼道清扫\",\"occurredOn\":\"2026-02-01\"}";

    @Test
    void aReadWithoutAReasonIsA400NamingTheHeaderAndAReadWithOneIsAudited() {
        String id = Cadre.official();

        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/archive").then().statusCode(400)
                .contentType(Cadre.PROBLEM).body("errors.field", hasItem("X-Access-Reason"));
        Cadre.as(Cadre.inspector()).header("X-Access-Reason", " ").get("/api/cadres/" + id + "/archive")
                .then().statusCode(400);
        assertThat(audited(id, "READ_ARCHIVE")).isZero();

        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + id + "/archive").then().statusCode(200);

        assertThat(Cadre.DATABASE.strings("select reason from audit_chain where action = 'READ_ARCHIVE' and target = ?",
                "official " + id)).containsExactly(Cadre.REASON);
        assertThat(Cadre.DATABASE.strings("select actor from audit_chain where action = 'READ_ARCHIVE' and target = ?",
                "official " + id)).containsExactly("inspector-1");
    }

    @Test
    void staffAddGoodConductInspectorsConcernsAndACorrectionSupersedesOnce() {
        String id = Cadre.official();
        String positive = Cadre.as(Cadre.staff()).body(POSITIVE).post("/api/cadres/" + id + "/archive")
                .then().statusCode(201).body("source", equalTo("COMMUNITY_STAFF")).body("verified", equalTo(false))
                .extract().path("id");
        Cadre.as(Cadre.staff()).body(POSITIVE.replace("POSITIVE", "CONCERN")).post("/api/cadres/" + id + "/archive")
                .then().statusCode(403).contentType(Cadre.PROBLEM);
        String correction = Cadre.as(Cadre.inspector()).body("{\"kind\":\"POSITIVE\",\"text\":\"带头参加楼道清扫（日期更正）\","
                + "\"occurredOn\":\"2026-02-02\",\"supersedes\":\"" + positive + "\"}")
                .post("/api/cadres/" + id + "/archive").then().statusCode(201).body("verified", equalTo(true))
                .extract().path("id");

        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + id + "/archive").then().statusCode(200)
                .body("find { it.id == '" + positive + "' }.supersededBy", equalTo(correction))
                .body("find { it.id == '" + correction + "' }.supersedes", equalTo(positive));
        Cadre.as(Cadre.inspector()).body("{\"kind\":\"POSITIVE\",\"text\":\"again\",\"occurredOn\":\"2026-02-02\","
                + "\"supersedes\":\"" + positive + "\"}").post("/api/cadres/" + id + "/archive")
                .then().statusCode(409).contentType(Cadre.PROBLEM);
        Cadre.as(Cadre.inspector()).body("{\"kind\":\"POSITIVE\",\"text\":\"x\",\"occurredOn\":\"2026-02-02\","
                + "\"supersedes\":\"" + positive + "\"}").post("/api/cadres/" + Cadre.official() + "/archive")
                .then().statusCode(422).body("errors.field", hasItem("supersedes"));
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteAnEntry() {
        String id = Cadre.official();
        String entry = Cadre.as(Cadre.staff()).body(POSITIVE).post("/api/cadres/" + id + "/archive")
                .then().statusCode(201).extract().path("id");

        assertThatThrownBy(() -> Cadre.DATABASE.execute("delete from archive_entry where id = ?::uuid", entry))
                .rootCause().hasMessageContaining("an archive entry is never changed or deleted");
        assertThatThrownBy(() -> Cadre.DATABASE.execute("update archive_entry set text = 'x' where id = ?::uuid", entry))
                .isInstanceOf(IllegalStateException.class);
        // and the API has no way to ask
        for (String path : new String[] { "/api/cadres/" + id + "/archive", "/api/cadres/" + id + "/archive/" + entry }) {
            Cadre.as(Cadre.inspector()).delete(path).then().statusCode(anyOf(equalTo(404), equalTo(405)));
        }
        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + id + "/archive").then().body("id", hasItem(entry));
    }

    private static long audited(String officialId, String action) {
        return Cadre.DATABASE.number("select count(*) from audit_chain where action = ? and target = ?", action,
                "official " + officialId);
    }
}
