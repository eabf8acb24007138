package org.lookout.complaint;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Shared request bodies and calls of the complaint-service tests. */
public final class ComplaintTestSupport {

    public static final String DEFAULT_COMMUNITY = "DCY";
    public static final String DEFAULT_ITEM = "corridor-lighting";
    public static final String DEFAULT_TITLE = "Corridor light broken in building 3";
    public static final String DEFAULT_DESCRIPTION = "The light on the 4th floor has been out for three days; elderly residents fall.";
    public static final String DEFAULT_ADDRESS = "东朝阳路南社区 3号楼";

    private ComplaintTestSupport() {
    }

    public static String report(String item, String community, String channel) {
        return """
                {"itemCode":"%s","title":"%s","description":"%s","communityCode":"%s",
                 "location":{"address":"%s","building":"3-2","latitude":39.92,"longitude":116.51},
                 "occurredAt":"2026-02-13T08:00:00Z","channel":"%s","anonymous":false}
                """.formatted(item, DEFAULT_TITLE, DEFAULT_DESCRIPTION, community, DEFAULT_ADDRESS, channel);
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
}
