package org.lookout.cadre.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The audit chain against a real database: intact as written, and every kind of tampering through SQL — a row edited,
 * a row deleted, rows reordered — is reported at the first broken link. Each test puts the chain back as it was.
 */
@QuarkusTest
@CadreTestResources
class AuditResourceTest {

    @Test
    void theChainIsIntactAndShowsWhoReadWhatWhenAndWhy() {
        Instant start = Instant.now().minusSeconds(1);
        String official = Cadre.official();
        Cadre.reading(Cadre.inspector()).get("/api/cadres/" + official + "/archive").then().statusCode(200);

        JsonPath report = Cadre.as(Cadre.inspector()).get("/api/cadres/audit?from=" + start + "&to="
                + Instant.now().plusSeconds(60)).then().statusCode(200).extract().jsonPath();

        assertThat(report.getBoolean("verdict.intact")).isTrue();
        assertThat(report.getLong("verdict.rowsChecked")).isPositive();
        assertThat(report.<String, Object>getMap("rows.find { it.action == 'READ_ARCHIVE' && it.target == 'official "
                + official + "' }")).containsEntry("actor", "inspector-1").containsEntry("role", "inspector")
                .containsEntry("reason", Cadre.REASON).containsKeys("seq", "at", "prevHash", "hash");
    }

    @Test
    void aRowEditedInTheDatabaseIsNamed() {
        long seq = aRowInTheMiddle();
        String reason = Cadre.DATABASE.strings("select reason from audit_chain where seq = ?", seq).getFirst();
        Cadre.DATABASE.execute("update audit_chain set reason = 'nothing to see' where seq = ?", seq);
        try {
            Cadre.as(Cadre.inspector()).get("/api/cadres/audit" + period()).then().statusCode(200)
                    .body("verdict.intact", equalTo(false))
                    .body("verdict.brokenLink.seq", equalTo((int) seq))
                    .body("verdict.brokenLink.kind", equalTo("EDITED"));
        } finally {
            Cadre.DATABASE.execute("update audit_chain set reason = ? where seq = ?", reason, seq);
        }
        assertThat(report().getBoolean("verdict.intact")).isTrue();
    }

    @Test
    void aRowDeletedFromTheDatabaseIsNamed() {
        long seq = aRowInTheMiddle();
        Cadre.DATABASE.execute("create table if not exists audit_tamper_kept (like audit_chain)");
        Cadre.DATABASE.execute("insert into audit_tamper_kept select * from audit_chain where seq = ?", seq);
        Cadre.DATABASE.execute("delete from audit_chain where seq = ?", seq);
        try {
            Cadre.as(Cadre.inspector()).get("/api/cadres/audit" + period()).then().statusCode(200)
                    .body("verdict.intact", equalTo(false))
                    .body("verdict.brokenLink.seq", equalTo((int) seq))
                    .body("verdict.brokenLink.kind", equalTo("MISSING"));
        } finally {
            Cadre.DATABASE.execute("insert into audit_chain select * from audit_tamper_kept where seq = ?", seq);
            Cadre.DATABASE.execute("delete from audit_tamper_kept");
        }
        assertThat(report().getBoolean("verdict.intact")).isTrue();
    }

    @Test
    void rowsSwappedInTheDatabaseAreNamedAsOutOfOrder() {
        long seq = aRowInTheMiddle();
        swap(seq, seq + 1);
        try {
            Cadre.as(Cadre.inspector()).get("/api/cadres/audit" + period()).then().statusCode(200)
                    .body("verdict.intact", equalTo(false))
                    .body("verdict.brokenLink.seq", equalTo((int) seq))
                    .body("verdict.brokenLink.kind", equalTo("OUT_OF_ORDER"));
        } finally {
            swap(seq, seq + 1);
        }
        assertThat(report().getBoolean("verdict.intact")).isTrue();
    }

    @Test
    void appendsAtTheSameMomentNeverForkTheChain() {
        String official = Cadre.official();
        long before = Cadre.DATABASE.number("select seq from audit_chain_head");

        List<CompletableFuture<Integer>> reads = java.util.stream.IntStream.range(0, 12)
                .mapToObj(n -> CompletableFuture.supplyAsync(() -> Cadre.reading(Cadre.inspector())
                        .get("/api/cadres/" + official + "/archive").then().extract().statusCode()))
                .toList();

        assertThat(reads.stream().map(CompletableFuture::join).toList()).containsOnly(200);
        assertThat(Cadre.DATABASE.number("select count(*) from audit_chain where seq > ?", before))
                .isEqualTo(Cadre.DATABASE.number("select seq from audit_chain_head") - before);
        assertThat(Cadre.DATABASE.number("select count(distinct prev_hash) from audit_chain where seq > ?", before))
                .as("every row follows another").isEqualTo(Cadre.DATABASE.number(
                        "select count(*) from audit_chain where seq > ?", before));
        assertThat(report().getBoolean("verdict.intact")).isTrue();
    }

    @Test
    void aPeriodNeedsBothEndsInOrder() {
        Cadre.as(Cadre.inspector()).get("/api/cadres/audit?to=2026-01-01T00:00:00Z").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        Cadre.as(Cadre.inspector()).get("/api/cadres/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        Cadre.as(Cadre.inspector()).get("/api/cadres/audit?from=yesterday&to=2026-01-01T00:00:00Z").then()
                .statusCode(400).body("errors.field", hasItem("from"));
    }

    /** A row with rows before and after it, written by this test (so the chain has them). */
    private static long aRowInTheMiddle() {
        String official = Cadre.official();
        for (int i = 0; i < 3; i++) {
            Cadre.reading(Cadre.inspector()).get("/api/cadres/" + official + "/archive").then().statusCode(200);
        }
        return Cadre.DATABASE.number("select min(seq) from audit_chain where action = 'READ_ARCHIVE' and target = ?",
                "official " + official);
    }

    private static void swap(long a, long b) {
        Cadre.DATABASE.execute("update audit_chain set seq = -1 where seq = ?", a);
        Cadre.DATABASE.execute("update audit_chain set seq = ? where seq = ?", a, b);
        Cadre.DATABASE.execute("update audit_chain set seq = ? where seq = -1", b);
    }

    private static JsonPath report() {
        return Cadre.as(Cadre.inspector()).get("/api/cadres/audit" + period()).then().statusCode(200).extract()
                .jsonPath();
    }

    private static String period() {
        return "?from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(60);
    }
}
