package org.lookout.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.open311.Open311Client.form;
import static org.lookout.complaint.open311.Open311Client.get;
import static org.lookout.complaint.open311.Open311Client.post;
import static org.lookout.complaint.open311.Open311Client.validJson;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.testsupport.RealInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A city system polls servicerequestupdates in back-to-back windows and sees every update exactly once, also the one
 * whose transaction commits after a window that its change time falls in was already answered.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class Open311UpdatesFeedTest {

    @Test
    void backToBackWindowsListAnUpdateThatCommittedLateOnceAndNeverTwice() throws Exception {
        String key = Open311Client.issueKey("feed test app");
        String id = post("json", form("api_key", key, "service_code", "sanitation", "lat", Open311FlowTest.LAT, "long",
                Open311FlowTest.LONG, "description", "Rubbish piled at the gate")).then().statusCode(201).extract()
                .path("[0].service_request_id");
        String reportId = ComplaintDatabase.strings("select id from report where tracking_number = ?", id).getFirst();
        Instant start = Instant.now().minusSeconds(60);

        try (Connection slow = DriverManager.getConnection(RealInfrastructure.jdbcUrl("complaint"), "complaint",
                "complaint")) {
            slow.setAutoCommit(false);
            // a change made now whose transaction stays open across the next poll
            try (PreparedStatement note = slow.prepareStatement("insert into report_history (report_id, at, actor_role,"
                    + " note, note_visibility) values (?::uuid, ?, 'staff', 'Cleaners are on their way.', 'PUBLIC')")) {
                note.setString(1, reportId);
                note.setTimestamp(2, Timestamp.from(Instant.now()));
                note.executeUpdate();
            }
            Instant firstEnd = Open311Client.notBeforeAnsweredWindows();
            List<JsonNode> first = ours(window(start, firstEnd), id);
            assertThat(first).as("first window, before the slow change committed").isEmpty();
            slow.commit();

            Instant secondEnd = Open311Client.notBeforeAnsweredWindows().plusSeconds(1);
            List<JsonNode> second = ours(window(firstEnd, secondEnd), id);
            assertThat(second).extracting(update -> update.path("description").asText())
                    .containsExactly("Cleaners are on their way.");
            assertThat(ours(window(start, firstEnd), id)).as("the first window asked again").isEmpty();
            assertThat(ours(window(firstEnd, secondEnd), id)).as("the second window asked again").isEqualTo(second);
        }
    }

    @Test
    void updatesComeInListingOrderWithIdsThatNeverRepeat() {
        String key = Open311Client.issueKey("feed order app");
        for (int i = 0; i < 3; i++) {
            post("xml", form("api_key", key, "service_code", "markets", "lat", Open311FlowTest.LAT, "long",
                    Open311FlowTest.LONG, "description", "Stalls block the lane " + i)).then().statusCode(201);
        }
        get("servicerequestupdates.json").then().statusCode(200);
        JsonNode all = validJson(get("servicerequestupdates.json"), "service-request-updates");
        List<String> times = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        all.forEach(update -> {
            times.add(update.path("updated_datetime").asText());
            ids.add(update.path("update_id").asLong());
        });
        assertThat(times).isSorted();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static JsonNode window(Instant from, Instant to) {
        return validJson(get("servicerequestupdates.json?start_date=" + from + "&end_date=" + to),
                "service-request-updates");
    }

    private static List<JsonNode> ours(JsonNode updates, String id) {
        return StreamSupport.stream(updates.spliterator(), false)
                .filter(update -> id.equals(update.path("service_request_id").asText())).toList();
    }
}
