package org.lookout.cadre.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Bulk imports: a 5,000-row file with bad rows mixed in imports the good rows and names each bad one, in well under a
 * minute; importing it again changes nothing; GB18030 is read as such; a job interrupted between batches (the service
 * stopped) or inside one (the database refused a row halfway) leaves no half row and finishes with the same result.
 */
@QuarkusTest
@CadreTestResources
class ImportJobTest {

    private static final Logger LOG = Logger.getLogger(ImportJobTest.class);
    private static final String HEADER = "编号,姓名,工作单位,职务,职级,社区,楼栋单元,联系电话,登记日期\n";

    @Inject
    ImportWorker worker;

    @Test
    void fiveThousandRowsWithBadOnesImportTheGoodAndNameEachBadOneAndASecondImportChangesNothing() {
        String batch = "B" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        StringBuilder csv = new StringBuilder(HEADER);
        Map<Integer, String> bad = Map.of(
                102, "name is missing",
                1_500, "community ZZZ is unknown",
                2_750, "has 10 columns, the header has 9",
                4_001, "community XHM is outside your streets",
                4_999, "registeredOn is not a date such as 2026-02-10");
        for (int row = 1; row <= 5_000; row++) {
            int line = row + 1;
            String name = "导入" + batch + "-" + row;
            String community = row % 2 == 0 ? "DCY" : "DCN";
            String date = "2026-01-" + (10 + row % 18);
            String extra = "";
            if (bad.containsKey(line)) {
                switch (bad.get(line)) {
                    case "name is missing" -> name = "";
                    case "community ZZZ is unknown" -> community = "ZZZ";
                    case "has 10 columns, the header has 9" -> extra = ",多余";
                    case "community XHM is outside your streets" -> community = "XHM";
                    default -> date = "someday";
                }
            }
            csv.append("%s-%d,%s,区第%d局,科长,正科级,%s,%d-%d,1380000%04d,%s%s\n".formatted(batch, row, name, row % 40,
                    community, row % 30, row % 6, row, date, extra));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        String id = start(file, null);
        JsonPath job = finished(id, Duration.ofSeconds(60));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("import of 5,000 rows: %d ms", millis);

        assertThat(job.getInt("totalRows")).isEqualTo(5_000);
        assertThat(job.getInt("rowsImported")).isEqualTo(4_995);
        assertThat(job.getInt("rowsRejected")).isEqualTo(5);
        assertThat(job.getString("charset")).isEqualTo("UTF-8");
        assertThat(job.getList("rejections", Map.class)).extracting(rejection -> rejection.get("line") + " "
                + rejection.get("reason")).containsExactlyElementsOf(bad.entrySet().stream().sorted(Map.Entry
                        .comparingByKey()).map(entry -> entry.getKey() + " " + entry.getValue()).toList());
        assertThat(officials(batch)).isEqualTo(4_995);
        assertThat(millis).as("well under a minute").isLessThan(60_000);

        String again = start(file, null);
        JsonPath second = finished(again, Duration.ofSeconds(60));
        assertThat(second.getInt("rowsImported")).isZero();
        assertThat(second.getInt("rowsUpdated")).isZero();
        assertThat(second.getInt("rowsUnchanged")).isEqualTo(4_995);
        assertThat(second.getInt("rowsRejected")).isEqualTo(5);
        assertThat(officials(batch)).isEqualTo(4_995);
        assertThat(Cadre.DATABASE.number("select count(*) from import_job where id = ?::uuid and content is null", id))
                .as("the file is dropped when the job ends").isEqualTo(1);
    }

    @Test
    void aGb18030FileIsReadAsGb18030AndTheSameRowsWithAnIdColumnMatchByIt() {
        String batch = "G" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String csv = HEADER + batch + "-1,欧阳" + batch + ",区财政局,副局长,副处级,DCY,5-1,13900000000,2026年2月10日\n"
                + batch + "-2,司马" + batch + ",区财政局,科长,,DCN,,,2026/2/11\n";

        JsonPath job = finished(start(csv.getBytes(ImportFile.GB18030), null), Duration.ofSeconds(30));

        assertThat(job.getString("charset")).isEqualTo("GB18030");
        assertThat(job.getInt("rowsImported")).isEqualTo(2);
        assertThat(Cadre.DATABASE.strings("select name from official where external_id = ?", batch + "-1"))
                .containsExactly("欧阳" + batch);

        // the unit renamed the employer: its id finds the official, the change is an update, not a second official
        String renamed = csv.replace("区财政局,副局长", "区财政局（新）,局长");
        JsonPath update = finished(start(renamed.getBytes(StandardCharsets.UTF_8), "utf-8"), Duration.ofSeconds(30));
        assertThat(update.getInt("rowsUpdated")).isEqualTo(1);
        assertThat(update.getInt("rowsUnchanged")).isEqualTo(1);
        assertThat(Cadre.DATABASE.strings("select post from official where external_id = ?", batch + "-1"))
                .containsExactly("局长");
        Cadre.as(Cadre.inspector()).contentType("text/csv").body("name,post\nx,y\n").post("/api/cadres/imports")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        Cadre.as(Cadre.inspector()).contentType("text/csv").queryParam("charset", "latin-1").body(csv)
                .post("/api/cadres/imports").then().statusCode(400).body("errors.field", hasItem("charset"));
    }

    @Test
    void aJobInterruptedBetweenBatchesOrInsideOneLeavesNoHalfRowAndFinishesWithTheSameResult() throws Throwable {
        String batch = "K" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        List<String> rows = new ArrayList<>();
        for (int row = 1; row <= 1_200; row++) {
            rows.add("%s-%d,续传%s-%d,区第%d局,科长,,DCY,,,2026-02-10".formatted(batch, row, batch, row, row % 7));
        }
        // the database refuses one row of the second batch, as a failure halfway through it would
        String refused = "续传" + batch + "-700";
        Cadre.DATABASE.execute("create or replace function refuse_import_row() returns trigger language plpgsql as $$"
                + " begin if new.name = '" + refused + "' then raise exception 'refused for the test'; end if;"
                + " return new; end $$");
        Cadre.DATABASE.execute("create trigger refuse_import_row before insert on official for each row"
                + " execute function refuse_import_row()");
        UUID job;
        try {
            // as if the service stopped right after answering 202: the job is stored, nothing ran yet
            job = storedJob(HEADER + String.join("\n", rows) + "\n");
            assertThat(VertxContextSupport.subscribeAndAwait(() -> worker.batch(job))).as("rows remain").isTrue();
            assertThat(officials(batch)).isEqualTo(500);
            assertThat(rowsDone(job)).isEqualTo(500);

            // the next batch fails at its 200th row: none of its rows is stored, the job stays where it was
            VertxContextSupport.subscribeAndAwait(() -> worker.resumeAll());
            assertThat(officials(batch)).isEqualTo(500);
            assertThat(rowsDone(job)).isEqualTo(500);
        } finally {
            Cadre.DATABASE.execute("drop trigger refuse_import_row on official");
        }

        // the restarted service takes it up again
        VertxContextSupport.subscribeAndAwait(() -> worker.resumeAll());

        JsonPath done = Cadre.as(Cadre.inspector()).get("/api/cadres/imports/" + job).then().statusCode(200)
                .body("status", equalTo("FINISHED")).extract().jsonPath();
        assertThat(done.getInt("rowsImported")).isEqualTo(1_200);
        assertThat(officials(batch)).isEqualTo(1_200);
        assertThat(Cadre.DATABASE.number("select count(*) from official_change c join official o on o.id = c.official_id"
                + " where o.external_id like ?", batch + "-%")).as("one history row per official").isEqualTo(1_200);
        assertThat(Cadre.DATABASE.number("select count(*) from outbox_event e join official o"
                + " on e.partition_key = o.id::text where o.external_id like ?", batch + "-%"))
                .as("one event per official").isEqualTo(1_200);

        JsonPath rerun = finished(start((HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8), null),
                Duration.ofSeconds(60));
        assertThat(rerun.getInt("rowsUnchanged")).isEqualTo(1_200);
        assertThat(officials(batch)).isEqualTo(1_200);
    }

    @Test
    void onlyTheInspectorWhoStartedAJobReadsIt() {
        String id = start(("name,employer,post,community,registeredOn\n" + Cadre.newName()
                + ",区财政局,科长,DCY,2026-02-10\n").getBytes(StandardCharsets.UTF_8), null);

        Cadre.as(Tokens.builder().subject("inspector-3").roles("inspector").streets("DCYJD").sign())
                .get("/api/cadres/imports/" + id).then().statusCode(404);
    }

    private static String start(byte[] file, String charset) {
        var request = Cadre.as(Cadre.inspector()).contentType("text/csv").body(file);
        if (charset != null) {
            request.queryParam("charset", charset);
        }
        return request.post("/api/cadres/imports").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/cadres/imports/"))
                .body("status", equalTo("RUNNING")).extract().path("id");
    }

    private static JsonPath finished(String id, Duration within) {
        return await("import " + id).atMost(within).pollInterval(Duration.ofMillis(250)).until(
                () -> Cadre.as(Cadre.inspector()).get("/api/cadres/imports/" + id).then().statusCode(200).extract()
                        .jsonPath(), job -> "FINISHED".equals(job.getString("status")));
    }

    /** A job as POST stores it, without the worker having run. */
    private static UUID storedJob(String csv) {
        UUID id = UUID.randomUUID();
        int rows = (int) csv.lines().count() - 1;
        Cadre.DATABASE.execute("insert into import_job (id, started_by, streets, started_at, charset, content,"
                + " total_rows, status) values (?, 'inspector-1', 'DCYJD', now(), 'UTF-8', ?, ?, 'RUNNING')", id,
                csv.getBytes(StandardCharsets.UTF_8), rows);
        return id;
    }

    private static long rowsDone(UUID job) {
        return Cadre.DATABASE.number("select rows_done from import_job where id = ?", job);
    }

    private static long officials(String batch) {
        return Cadre.DATABASE.number("select count(*) from official where external_id like ?", batch + "-%");
    }
}
