package org.lookout.cadre.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.WorkingCalendarStub;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An integrity opinion: requested by the inspector, drafted by the community's staff from the archive (the draft shows
 * the entries it cites), approved and issued by the community head, read by the inspector.
 */
@QuarkusTest
@CadreTestResources
class OpinionFlowTest {

    private static final String PATH = "/api/cadres/opinions/";
    private static final String TEXT = "该同志在社区积极参加志愿服务，未发现违纪问题";

    @Test
    void requestedDraftedFromTheArchiveIssuedByTheHeadAndReadByTheInspector() {
        String official = Cadre.official();
        String entry = Cadre.as(Cadre.staff()).body("{\"kind\":\"POSITIVE\",\"text\":\"疫情期间值守楼门\","
                + "\"occurredOn\":\"2026-01-20\"}").post("/api/cadres/" + official + "/archive")
                .then().statusCode(201).extract().path("id");
        Instant before = Instant.now();
        String id = Cadre.as(Cadre.inspector()).body("{\"officialId\":\"" + official + "\",\"purpose\":\"拟提拔为正处级\"}")
                .post("/api/cadres/opinions").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .body("workingDays", equalTo(5)).extract().path("id");
        CloudEvent requested = Cadre.event(id, EventType.CADRE_INTEGRITY_OPINION_REQUESTED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_INTEGRITY_OPINION_REQUESTED, requested.data());
        assertThat(Instant.parse(requested.data().path("dueAt").asText()))
                .isEqualTo(WorkingCalendarStub.deadline(before, 5));

        Cadre.as(Cadre.staff()).get(PATH + id + "/archive").then().statusCode(400)
                .body("errors.field", hasItem("X-Access-Reason"));
        Cadre.reading(Cadre.staff()).get(PATH + id + "/archive").then().statusCode(200).body("id", hasItem(entry));
        Cadre.as(Cadre.staff()).body("{\"text\":\"" + TEXT + "\",\"citedEntryIds\":[\"" + entry + "\"]}")
                .put(PATH + id + "/draft").then().statusCode(200).body("status", equalTo("DRAFTED"))
                .body("citedEntries.id", contains(entry));
        Cadre.as(Cadre.inspector()).get(PATH + id).then().statusCode(200).body("$", not(hasKey("draft")))
                .body("$", not(hasKey("opinion")));

        Cadre.as(Cadre.head()).get(PATH + id).then().statusCode(200).body("draft", equalTo(TEXT))
                .body("citedEntries[0].text", equalTo("疫情期间值守楼门"));
        Cadre.as(Cadre.staff()).post(PATH + id + "/issue").then().statusCode(403).contentType(Cadre.PROBLEM);
        Cadre.as(Cadre.head()).post(PATH + id + "/issue").then().statusCode(200).body("status", equalTo("ISSUED"));
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_INTEGRITY_OPINION_ISSUED,
                Cadre.event(id, EventType.CADRE_INTEGRITY_OPINION_ISSUED).data());

        Cadre.as(Cadre.inspector()).get(PATH + id).then().statusCode(200).body("opinion", equalTo(TEXT))
                .body("$", not(hasKey("draft")));
        Cadre.as(Tokens.supervisor("DCYJD")).get(PATH + id).then().statusCode(200).body("status", equalTo("ISSUED"))
                .body("$", not(hasKey("opinion"))).body("$", not(hasKey("draft")));
        Cadre.as(Cadre.staff()).body("{\"text\":\"x\",\"citedEntryIds\":[]}").put(PATH + id + "/draft")
                .then().statusCode(409).body("from", equalTo("ISSUED"));
        assertThat(Cadre.DATABASE.number("select count(*) from audit_chain where action = 'READ_OPINION_DRAFT'"
                + " and target = ?", "integrity opinion " + id)).isPositive();
        assertThat(Cadre.DATABASE.number("select count(*) from audit_chain where action = 'READ_OPINION'"
                + " and target = ?", "integrity opinion " + id)).isPositive();
    }

    @Test
    void theHeadReturnsADraftAndADraftCitesOnlyItsOfficialsArchive() {
        String id = Cadre.opinion();
        String strangersEntry = Cadre.as(Cadre.staff()).body("{\"kind\":\"POSITIVE\",\"text\":\"x\","
                + "\"occurredOn\":\"2026-01-20\"}").post("/api/cadres/" + Cadre.official() + "/archive")
                .then().statusCode(201).extract().path("id");

        Cadre.as(Cadre.staff()).body("{\"text\":\"x\",\"citedEntryIds\":[\"" + strangersEntry + "\"]}")
                .put(PATH + id + "/draft").then().statusCode(422).body("errors.field", hasItem("citedEntryIds"));
        Cadre.as(Cadre.staff()).body("{\"text\":\"初稿\",\"citedEntryIds\":[]}").put(PATH + id + "/draft")
                .then().statusCode(200);
        Cadre.as(Cadre.head()).body("{\"reason\":\"请补充社区走访情况\"}").post(PATH + id + "/return")
                .then().statusCode(200).body("status", equalTo("REQUESTED"))
                .body("returnedReason", equalTo("请补充社区走访情况")).body("draft", equalTo("初稿"));
        Cadre.as(Cadre.head()).post(PATH + id + "/issue").then().statusCode(409).body("from", equalTo("REQUESTED"));
        Cadre.as(Cadre.inspector()).body("{\"reason\":\"不再提拔\"}").post(PATH + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        Cadre.reading(Cadre.staff()).get(PATH + id + "/archive").then().statusCode(409);
    }
}
