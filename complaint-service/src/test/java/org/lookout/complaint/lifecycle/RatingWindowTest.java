package org.lookout.complaint.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.complaint.ComplaintTestSupport.assertLifecycleEventOfKnownReporter;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.complaint.config.MovableClock;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CloudEventKafka;
import org.lookout.contracts.EventType;
import org.lookout.contracts.Topics;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;
import org.lookout.testsupport.TopicProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;

/** The rating window (P7D) with time moved by the test: an unrated resolved report closes by itself, once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class RatingWindowTest {

    private static final String STAFF = Tokens.staff("DCY");
    private static final String REPORTER = "reporter-rating-window";
    // long before the real time of the other tests, so that their resolved reports are never due here, and outside the
    // periods StatisticsResourceTest counts (2024, 2025), so that these reports never join its known set
    private static final Instant RESOLVED_AT = Instant.parse("2023-03-06T02:00:00Z");

    @Inject
    RatingWindow ratingWindow;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anUnratedResolvedReportClosesAfterTheWindowAndAYoungerOrRatedOneDoesNot() throws Throwable {
        String due = resolvedReportAt(RESOLVED_AT);
        String younger = resolvedReportAt(RESOLVED_AT.plus(Duration.ofDays(1)));
        String rated = resolvedReportAt(RESOLVED_AT);
        command(Tokens.resident(REPORTER, "DCY"), rated, "feedback", "{\"satisfied\":false}").statusCode(200);

        clock.set(RESOLVED_AT.plus(Duration.ofDays(7)).minusSeconds(1));
        closeUnrated();
        status(due, "RESOLVED");

        clock.set(RESOLVED_AT.plus(Duration.ofDays(7)).plusSeconds(30));
        closeUnrated();
        closeUnrated();

        status(due, "CLOSED");
        // not rated: satisfied stays null
        assertThat(ComplaintDatabase.number("select count(*) from report where id = ? and satisfied is null",
                UUID.fromString(due))).isEqualTo(1);
        status(younger, "RESOLVED");
        status(rated, "REOPENED");
        given().auth().oauth2(STAFF).get("/api/complaints/" + due + "/history").then().statusCode(200)
                .body("toStatus[-1]", equalTo("CLOSED"))
                .body("fromStatus[-1]", equalTo("RESOLVED"))
                .body("actorRole[-1]", equalTo("system"))
                .body("note[-1]", equalTo("closed without a rating: none came within 7 days"));
        assertThat(ComplaintDatabase.outboxEvents(due, EventType.COMPLAINT_CLOSED)).isEqualTo(1);
        List<CloudEvent> events = TopicProbe.awaitRecordsWithKey(Topics.COMPLAINT, due, 5, Duration.ofSeconds(30))
                .stream().map(CloudEventKafka::fromRecord).toList();
        assertThat(events).extracting(CloudEvent::type).containsExactly(EventType.COMPLAINT_SUBMITTED.type(),
                EventType.COMPLAINT_ACCEPTED.type(), EventType.COMPLAINT_RESPONDED.type(),
                EventType.COMPLAINT_RESOLVED.type(), EventType.COMPLAINT_CLOSED.type());
        CloudEvent closed = events.getLast();
        assertThat(closed.type()).isEqualTo(EventType.COMPLAINT_CLOSED.type());
        assertLifecycleEventOfKnownReporter(EventType.COMPLAINT_CLOSED, closed.data());
        assertThat(closed.data().path("resolvable").asBoolean()).isTrue();
        assertThat(closed.data().has("satisfied")).isFalse();
        // the reporter can no longer rate a closed report
        command(Tokens.resident(REPORTER, "DCY"), due, "feedback", "{\"satisfied\":true}").statusCode(409);
    }

    @Test
    void twoClosingRunsAtOnceCloseEachReportOnce() throws Throwable {
        // a month later than the other test's reports, so that its window never reaches these
        Instant resolvedAt = RESOLVED_AT.plus(Duration.ofDays(30));
        List<String> due = List.of(resolvedReportAt(resolvedAt), resolvedReportAt(resolvedAt),
                resolvedReportAt(resolvedAt));
        clock.set(resolvedAt.plus(Duration.ofDays(7)).plusSeconds(30));

        // as two instances would: both runs start at the same moment, each on its own connection
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(concurrentRun(start), concurrentRun(start));
        start.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (String id : due) {
            status(id, "CLOSED");
            assertThat(ComplaintDatabase.outboxEvents(id, EventType.COMPLAINT_CLOSED)).isEqualTo(1);
            assertThat(ComplaintDatabase.number("select count(*) from report_history where report_id = ?"
                    + " and to_status = 'CLOSED'", UUID.fromString(id))).isEqualTo(1);
        }
        // every report was closed by exactly one of the two runs (earlier tests' reports may be among them too)
        assertThat(runs.get(0).join() + runs.get(1).join()).isGreaterThanOrEqualTo(due.size());
    }

    private CompletableFuture<Integer> concurrentRun(CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(ratingWindow::closeUnrated);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String resolvedReportAt(Instant at) {
        clock.set(at.minus(Duration.ofHours(1)));
        String id = submit(Tokens.resident(REPORTER, "DCY"), report()).statusCode(201).extract().path("id");
        command(STAFF, id, "accept", "{}").statusCode(200);
        command(STAFF, id, "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + at.minusSeconds(60) + "\"}")
                .statusCode(200);
        clock.set(at);
        command(STAFF, id, "resolve", "{\"result\":\"bulb replaced\"}").statusCode(200);
        clock.reset();
        return id;
    }

    private static ValidatableResponse status(String id, String status) {
        return given().auth().oauth2(STAFF).get("/api/complaints/" + id).then().statusCode(200)
                .body("status", equalTo(status));
    }

    private void closeUnrated() throws Throwable {
        VertxContextSupport.subscribeAndAwait(ratingWindow::closeUnrated);
    }
}
