package org.lookout.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;

/** Reading an inbox through the API, as its owner would. */
public final class Inboxes {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private Inboxes() {
    }

    /** The whole first page (up to 200 entries), newest first. */
    public static List<Map<String, Object>> of(String token) {
        // inbox entries are sensitive answers (@Sensitive): never cached, never sniffed
        JsonPath inbox = given().auth().oauth2(token).queryParam("limit", 200).when().get("/api/notifications")
                .then().statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .extract().jsonPath();
        return inbox.getList("", Map.class).stream().map(entry -> (Map<String, Object>) entry).toList();
    }

    /** The entries of {@code token}'s inbox about report {@code reportId}. */
    public static List<Map<String, Object>> about(String token, String reportId) {
        return of(token).stream().filter(entry -> reportId.equals(entry.get("reportId"))).toList();
    }

    /** Waits until an entry matches, then answers it. */
    public static Map<String, Object> awaitEntry(String token, Predicate<Map<String, Object>> match) {
        return await().atMost(DEFAULT_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> of(token).stream().filter(match).findFirst(), found -> found.isPresent()).orElseThrow();
    }
}
