package org.lookout.escalation.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lookout.escalation.EscalationFixtures.DEFAULT_WAIT;
import static org.lookout.escalation.EscalationFixtures.ESCALATIONS;
import static org.lookout.escalation.EscalationFixtures.PROBLEM;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.CommunityChanged;
import org.lookout.contracts.EventType;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.GoldenComplaintEvents;
import org.lookout.escalation.ReferenceDataFixture;
import org.lookout.escalation.clock.SlaSweeps;
import org.lookout.escalation.config.MovableClock;
import org.lookout.testsupport.GoldenEvents;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 13: the SLA board, figure by figure on a street of its own (two communities nothing else uses): open reports,
 * clocks warned and breached now, escalations waiting per agency or street with their deadlines, the oldest open report
 * per community — and nothing of reports about officials. Then who sees which board.
 */
@QuarkusTest
@EscalationTestResources
class BoardResourceTest {

    private static final String BOARD = "/api/escalations/board";
    private static final String STREET = "BRDJD";
    private static final String NORTH = "BRA";
    private static final String SOUTH = "BRB";
    private static final String OFFICE = "street-office-brdjd";
    // Fri 2026-02-27 10:00 Shanghai: responded at 11:00, accepted at 12:00; corridor-lighting's 3 working days are
    // Sat 28 (make-up), Mon 2, Tue 3; its warning at 75 %: Tue 06:00
    private static final Instant OLDEST_RECEIVED_AT = Instant.parse("2026-02-27T02:00:00Z");
    // Mon 2026-03-02 10:00: due at the end of Tue 3
    private static final Instant RECEIVED_AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2026-03-03T16:00:00Z");
    // Tue 2026-03-03 09:00: due at the end of Wed 4, warned at Wed 18:00
    private static final Instant LATER_RECEIVED_AT = Instant.parse("2026-03-03T01:00:00Z");
    private static final Instant LATER_WARN_AT = Instant.parse("2026-03-04T10:00:00Z");
    // what a breach at the end of Tue 3 gives the street: the end of Thu 5 (1 working day after Wed 4)
    private static final Instant STREET_DUE_AT = Instant.parse("2026-03-05T16:00:00Z");
    // a manual escalation on Mon 2 11:00 for 5 working days: the end of Mon 9
    private static final Instant MANUAL_AT = Instant.parse("2026-03-02T03:00:00Z");
    private static final Instant MANUAL_DUE_AT = Instant.parse("2026-03-09T16:00:00Z");

    private static boolean built;
    private static String breachedReport;
    private static String oldestReport;
    private static String warnedReport;

    @Inject
    SlaSweeps sweeps;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /**
     * North: one report breached on its response, one breached on its resolution (received first: the oldest open),
     * one responded (nothing open), one about an official (no clock) with a forwarded tip-off (confidential escalation),
     * one escalated by hand to the police. South: one report warned on its response.
     */
    private void street() throws Throwable {
        if (built) {
            return;
        }
        ReferenceDataFixture.publish(new CommunityChanged(NORTH, STREET, "看板北社区", "Board North", true, 1, Instant.now()));
        ReferenceDataFixture.publish(new CommunityChanged(SOUTH, STREET, "看板南社区", "Board South", true, 1, Instant.now()));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "STREET_OFFICE", "nameZh", "看板街道办事处", "nameEn", "Board Subdistrict Office",
                        "jurisdiction", STREET))
                .when().put("/api/agencies/{code}", OFFICE).then().statusCode(201);

        CloudEvent breached = GoldenComplaintEvents.submitted(NORTH, RECEIVED_AT);
        CloudEvent oldest = GoldenComplaintEvents.submitted(NORTH, OLDEST_RECEIVED_AT);
        CloudEvent responded = GoldenComplaintEvents.submitted(NORTH, RECEIVED_AT);
        CloudEvent official = GoldenEvents.fresh(EventType.COMPLAINT_SUBMITTED, data -> data
                .put("communityCode", NORTH).put("itemCode", "cadre-conduct").put("confidential", true));
        CloudEvent warned = GoldenComplaintEvents.submitted(SOUTH, LATER_RECEIVED_AT);
        GoldenComplaintEvents.applied(breached, oldest, responded, official, warned,
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, oldest, OLDEST_RECEIVED_AT.plusSeconds(3600)),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_ACCEPTED, oldest, OLDEST_RECEIVED_AT.plusSeconds(7200)),
                GoldenComplaintEvents.lifecycle(EventType.COMPLAINT_RESPONDED, responded, RECEIVED_AT.plusSeconds(3600)));
        breachedReport = GoldenComplaintEvents.reportId(breached);
        oldestReport = GoldenComplaintEvents.reportId(oldest);
        warnedReport = GoldenComplaintEvents.reportId(warned);

        CloudEvent tipOff = GoldenEvents.about(EventType.CADRE_TIP_OFF_FORWARDED,
                GoldenComplaintEvents.reportId(official), data -> data.put("communityCode", NORTH));
        GoldenEvents.send(tipOff);
        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.number(
                "select count(*) from escalation where community_code = ? and confidential", NORTH) == 1);

        clock.set(MANUAL_AT);
        given().auth().oauth2(Tokens.staff(NORTH)).contentType(ContentType.JSON)
                .body(Map.of("reportId", GoldenComplaintEvents.reportId(responded), "agencies", List.of("police-dcy"),
                        "reason", "the neighbour's dog attacks passers-by", "dueInWorkingDays", 5))
                .when().post(ESCALATIONS).then().statusCode(201);

        sweeps.at(DUE_AT);
        sweeps.at(LATER_WARN_AT);
        await().atMost(DEFAULT_WAIT).until(() -> EscalationDatabase.number(
                "select count(*) from escalation where community_code = ? and lead_agency_code = ?", NORTH, OFFICE) == 2);
        built = true;
    }

    @Test
    void theStreetsBoardAddsUpFigureByFigure() throws Throwable {
        street();

        JsonPath board = board(Tokens.supervisor(STREET), "?street=" + STREET).extract().jsonPath();

        assertThat(board.getString("street")).isEqualTo(STREET);
        assertThat(board.getString("community")).isNull();
        assertThat(board.getMap("totals")).isEqualTo(Map.of("openReports", 3, "warned", 1, "breached", 2,
                "escalationsWaiting", 3, "escalationsOverdue", 0));

        // breached first (the two due at the same time), then warned
        assertThat(board.getList("clocks.risk")).containsExactly("BREACHED", "BREACHED", "WARNED");
        assertThat(board.getList("clocks.reportId").subList(0, 2)).containsExactlyInAnyOrder(breachedReport,
                oldestReport);
        assertThat(board.getString("clocks.find { it.reportId == '" + oldestReport + "' }.kind"))
                .isEqualTo("RESOLUTION");
        assertThat(board.getString("clocks.find { it.reportId == '" + breachedReport + "' }.kind"))
                .isEqualTo("RESPONSE");
        assertThat(board.getString("clocks[0].dueAt")).isEqualTo(DUE_AT.toString());
        assertThat(board.getString("clocks[2].reportId")).isEqualTo(warnedReport);
        assertThat(board.getString("clocks[2].state")).isEqualTo("RUNNING");
        assertThat(board.getString("clocks[2].warnedAt")).isEqualTo(LATER_WARN_AT.toString());

        // the street's own queue first (its deadline comes first), then the police; the tip-off is nobody's here
        assertThat(board.getList("agencies.agencyCode")).containsExactly(OFFICE, "police-dcy");
        assertThat(board.getString("agencies[0].agencyKind")).isEqualTo("STREET_OFFICE");
        assertThat(board.getString("agencies[0].streetCode")).isEqualTo(STREET);
        assertThat(board.getInt("agencies[0].waiting")).isEqualTo(2);
        assertThat(board.getString("agencies[0].nextDueAt")).isEqualTo(STREET_DUE_AT.toString());
        assertThat(board.getList("agencies[0].escalations.trigger")).containsExactlyInAnyOrder("RESPONSE_BREACHED",
                "RESOLUTION_BREACHED");
        assertThat(board.getInt("agencies[1].waiting")).isEqualTo(1);
        assertThat(board.getString("agencies[1].streetCode")).isNull();
        assertThat(board.getString("agencies[1].nextDueAt")).isEqualTo(MANUAL_DUE_AT.toString());
        assertThat(board.getString("agencies[1].escalations[0].trigger")).isEqualTo("MANUAL");
        assertThat(board.getString("agencies[1].escalations[0].partStatus")).isEqualTo("OPEN");

        assertThat(board.getList("communities.communityCode")).containsExactly(NORTH, SOUTH);
        assertThat(board.getMap("communities[0]")).containsEntry("openReports", 2).containsEntry("warned", 0)
                .containsEntry("breached", 2).containsEntry("escalationsWaiting", 3)
                .containsEntry("escalationsOverdue", 0);
        assertThat(board.getMap("communities[0].oldestOpen")).isEqualTo(Map.of("reportId", oldestReport,
                "itemCode", "corridor-lighting", "since", OLDEST_RECEIVED_AT.toString()));
        assertThat(board.getMap("communities[1]")).containsEntry("openReports", 1).containsEntry("warned", 1)
                .containsEntry("breached", 0).containsEntry("escalationsWaiting", 0);
        assertThat(board.getString("communities[1].oldestOpen.reportId")).isEqualTo(warnedReport);

        // the administrator sees the same street
        assertThat(board(Tokens.admin(), "?street=" + STREET).extract().jsonPath().getMap("totals"))
                .isEqualTo(board.getMap("totals"));
    }

    @Test
    void staffSeeTheirCommunitysBoardWithoutAskingAndNothingElse() throws Throwable {
        street();

        JsonPath own = board(Tokens.staff(NORTH), "").extract().jsonPath();
        assertThat(own.getString("community")).isEqualTo(NORTH);
        assertThat(own.getList("communities.communityCode")).containsExactly(NORTH);
        assertThat(own.getMap("totals")).isEqualTo(Map.of("openReports", 2, "warned", 0, "breached", 2,
                "escalationsWaiting", 3, "escalationsOverdue", 0));
        assertThat(board(Tokens.supervisor(STREET), "?community=" + SOUTH).extract().jsonPath()
                .getInt("totals.warned")).isEqualTo(1);

        absent(Tokens.staff(SOUTH), "?community=" + NORTH);
        absent(Tokens.staff(NORTH), "?street=" + STREET);
        absent(Tokens.supervisor("DCYJD"), "?street=" + STREET);
        absent(Tokens.supervisor("DCYJD"), "?community=" + NORTH);
        absent(Tokens.supervisor(STREET), "?community=DCY");
        absent(Tokens.admin(), "?street=NOPEJD");
        absent(Tokens.admin(), "?community=NOPE");
    }

    @Test
    void aSupervisorWithoutAParameterGetsTheirStreet() throws Throwable {
        street();
        assertThat(board(Tokens.supervisor(STREET), "").extract().jsonPath().getString("street")).isEqualTo(STREET);
    }

    @Test
    void badParametersAre400NamingThem() {
        bad(Tokens.admin(), "", "street");
        bad(Tokens.admin(), "?street=" + STREET + "&community=" + NORTH, "community");
        bad(Tokens.admin(), "?street=brdjd", "street");
        bad(Tokens.admin(), "?community=%00", "community");
        bad(Tokens.staff(NORTH), "?community=" + "A".repeat(9), "community");
    }

    @Test
    void residentsLookoutsInspectorsAndAgenciesMayNotReadABoard() {
        for (String token : new String[] { Tokens.resident(NORTH), Tokens.lookout(NORTH), Tokens.inspector(),
                Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).when().get(BOARD + "?community=" + NORTH).then().statusCode(403)
                    .contentType(PROBLEM);
        }
        given().when().get(BOARD + "?community=" + NORTH).then().statusCode(401).contentType(PROBLEM);
    }

    private static ValidatableResponse board(String token, String query) {
        return given().auth().oauth2(token).urlEncodingEnabled(false).when().get(BOARD + query).then()
                .statusCode(200);
    }

    private static void absent(String token, String query) {
        given().auth().oauth2(token).urlEncodingEnabled(false).when().get(BOARD + query).then().statusCode(404)
                .contentType(PROBLEM);
    }

    private static void bad(String token, String query, String field) {
        given().auth().oauth2(token).urlEncodingEnabled(false).when().get(BOARD + query).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo(field));
    }
}
