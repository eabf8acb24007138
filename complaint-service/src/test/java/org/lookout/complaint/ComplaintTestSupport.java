package org.lookout.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ContractAssertions;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Shared request bodies and calls of the complaint-service tests. */
public final class ComplaintTestSupport {

    public static final String DEFAULT_COMMUNITY = "DCY";
    public static final String DEFAULT_ITEM = "corridor-lighting";
    public static final String DEFAULT_TITLE = "Corridor light broken in building 3";
    public static final String DEFAULT_DESCRIPTION = "The light on the 4th floor has been out for three days; elderly residents fall.";
    public static final String DEFAULT_ADDRESS = "东朝阳路南社区 3号楼";
    /** Personal data no id, hash or timestamp holds by chance (a UUID held {@code 3-2} about one run in twenty). */
    public static final String DEFAULT_BUILDING = "楼栋-PII-7Q";

    private ComplaintTestSupport() {
    }

    public static String report(String item, String community, String channel) {
        return """
                {"itemCode":"%s","title":"%s","description":"%s","communityCode":"%s",
                 "location":{"address":"%s","building":"%s","latitude":39.92,"longitude":116.51},
                 "occurredAt":"2026-02-13T08:00:00Z","channel":"%s","anonymous":false}
                """.formatted(item, DEFAULT_TITLE, DEFAULT_DESCRIPTION, community, DEFAULT_ADDRESS, DEFAULT_BUILDING,
                channel);
    }

    public static String report() {
        return report(DEFAULT_ITEM, DEFAULT_COMMUNITY, "APP");
    }

    public static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/complaints")
                .then();
    }

    /** A lifecycle command, e.g. {@code command(token, id, "accept", "{}")}. */
    public static ValidatableResponse command(String token, String reportId, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/complaints/" + reportId + "/" + action)
                .then();
    }

    /**
     * A lifecycle event of a report filed by an account: valid against its schema, with the golden sample's fields plus
     * the optional {@code reporterRef} (the samples show the fields every event has, not the optional pseudonym) and, on an
     * assignment to a staff member, {@code assigneeRef}.
     */
    public static void assertLifecycleEventOfKnownReporter(EventType type, JsonNode data) {
        ContractAssertions.assertValidAgainstSchema(type, data);
        Set<String> expected = fieldNames(EventJson.readResource(type.sampleResource()).get("data"));
        expected.add("reporterRef");
        if (type == EventType.COMPLAINT_ASSIGNED && data.has("assigneeRef")) {
            // the assigned staff member's pseudonym: only when a staff member, not a unit, was assigned
            expected.add("assigneeRef");
        }
        assertThat(fieldNames(data)).as("%s fields", type.type()).isEqualTo(expected);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
