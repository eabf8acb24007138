package org.lookout.cadre.timelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.WorkingCalendarStub;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.ContractAssertions;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The 12388 limits and the opinions' deadlines on the working calendar (escalation-service's, here a real HTTP stub):
 * computed when the calendar answers — a record or request stored while it is away keeps waiting, never lost — and each
 * missed limit announced once.
 */
@QuarkusTest
@CadreTestResources
class TimeLimitsTest {

    @Inject
    TimeLimits limits;

    @AfterEach
    void calendarBack() {
        WorkingCalendarStub.reset();
    }

    @Test
    void aRecordFiledWhileTheCalendarIsAwayGetsItsLimitsOnceItAnswersAndEachMissIsAnnouncedOnce() throws Throwable {
        WorkingCalendarStub.down(true);
        String id = Cadre.filedRecord("某干部违规经商");
        assertThat(due(id, "acceptance_due_at")).isNull();
        sweep(Instant.now());
        assertThat(due(id, "acceptance_due_at")).as("still away").isNull();

        WorkingCalendarStub.down(false);
        sweep(Instant.now());

        Instant received = Instant.parse(Cadre.DATABASE.strings(
                "select to_char(received_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " from supervision_record where id = ?::uuid", id).getFirst());
        Instant forwardingDue = WorkingCalendarStub.deadline(received, 5);
        Instant acceptanceDue = WorkingCalendarStub.deadline(received, 15);
        assertThat(Instant.parse(due(id, "forwarding_due_at"))).isEqualTo(forwardingDue);
        assertThat(Instant.parse(due(id, "acceptance_due_at"))).isEqualTo(acceptanceDue);

        sweep(forwardingDue.minusSeconds(1));
        assertThat(overdueEvents(id)).isZero();
        sweep(forwardingDue);
        sweep(forwardingDue.plusSeconds(3600));
        assertThat(overdueEvents(id)).isEqualTo(1);
        Cadre.reading(Cadre.inspector()).get("/api/cadres/supervision?overdue=true").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.overdueLimits", equalTo(List.of("FORWARDING")));

        sweep(acceptanceDue);
        sweep(acceptanceDue.plusSeconds(60));
        assertThat(overdueEvents(id)).isEqualTo(2);
        List<ConsumerRecord<String, String>> announced = TopicProbe.awaitRecordsWithKey(Topics.CADRE, id, 3,
                Cadre.WAIT).stream().filter(r -> TopicProbe.header(r, "ce_type").orElse("")
                        .equals(EventType.CADRE_SUPERVISION_OVERDUE.type())).toList();
        assertThat(announced).extracting(r -> CloudEventKafka.fromRecord(r).data().path("limit").asText())
                .containsExactly("FORWARDING", "ACCEPTANCE");
        ContractAssertions.assertValidAgainstSchema(EventType.CADRE_SUPERVISION_OVERDUE,
                CloudEventKafka.fromRecord(announced.getFirst()).data());
    }

    @Test
    void anAcceptedRecordMissesNothing() throws Throwable {
        String id = Cadre.filedRecord("按时受理");
        sweep(Instant.now());
        Cadre.as(Cadre.inspector()).post("/api/cadres/supervision/" + id + "/accept").then().statusCode(200);

        sweep(Instant.now().plusSeconds(86_400L * 60));

        assertThat(overdueEvents(id)).isZero();
        Cadre.reading(Cadre.inspector()).get("/api/cadres/supervision?overdue=true").then().body("id", not(hasItem(id)));
    }

    @Test
    void anOpinionRequestedWhileTheCalendarIsAwayIsStoredAndGetsItsDeadlineLaterAndAMissedOneIsAnnouncedOnce()
            throws Throwable {
        WorkingCalendarStub.down(true);
        String id = Cadre.opinion();
        Cadre.as(Cadre.inspector()).get("/api/cadres/opinions/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("$", not(org.hamcrest.Matchers.hasKey("dueAt")));
        ContractAssertions.assertValidAgainstSchema(EventType.CADRE_INTEGRITY_OPINION_REQUESTED,
                CloudEventKafka.fromRecord(TopicProbe.awaitRecord(Topics.CADRE, r -> id.equals(r.key()))).data());

        Instant past = Instant.now().minusSeconds(3600);
        WorkingCalendarStub.down(false);
        WorkingCalendarStub.answerDue(past);
        sweep(Instant.now());
        sweep(Instant.now());

        Cadre.as(Cadre.inspector()).get("/api/cadres/opinions?overdue=true").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.overdue", equalTo(true));
        Cadre.as(org.lookout.testsupport.Tokens.supervisor("DCYJD")).get("/api/cadres/opinions?overdue=true")
                .then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }", not(org.hamcrest.Matchers.hasKey("draft")));
        assertThat(Cadre.DATABASE.outboxEvents(id, EventType.CADRE_INTEGRITY_OPINION_OVERDUE.type())).isEqualTo(1);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_INTEGRITY_OPINION_OVERDUE, CloudEventKafka
                .fromRecord(TopicProbe.awaitRecord(Topics.CADRE, r -> id.equals(r.key()) && TopicProbe
                        .header(r, "ce_type").orElse("").equals(EventType.CADRE_INTEGRITY_OPINION_OVERDUE.type())))
                .data());
    }

    private void sweep(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> limits.sweep(now));
    }

    private static String due(String id, String column) {
        return Cadre.DATABASE.strings("select to_char(" + column + " at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from supervision_record where id = ?::uuid", id).getFirst();
    }

    private static long overdueEvents(String id) {
        return Cadre.DATABASE.outboxEvents(id, EventType.CADRE_SUPERVISION_OVERDUE.type());
    }
}
