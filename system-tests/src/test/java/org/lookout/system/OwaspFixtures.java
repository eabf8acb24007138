package org.lookout.system;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Objects of community DCY the OWASP system tests aim at, made once per test JVM through the gateway: a report of
 * resident1 with a photo and an INTERNAL note, accepted by staff1 and escalated to police-dcy; an official of DCY; a
 * paused webhook subscription of police-dcy; a notification in resident1's inbox (a second report, resolved).
 */
final class OwaspFixtures {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String NOTE = "internal owasp note";
    static final String OFFICIAL_PREFIX = "欧瓦斯";
    static final String REPORTER = "欧报告人";
    static final String HOOK = "http://127.0.0.1:9/owasp-hooks";
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

    private static Map<String, String> ids;

    private OwaspFixtures() {
    }

    /** report, number, visit, attachment, note, escalation, official, subscription, notification → their ids. */
    static synchronized Map<String, String> ids() {
        if (ids == null) {
            ids = make();
        }
        return ids;
    }

    private static Map<String, String> make() {
        Map<String, String> made = new java.util.HashMap<>();
        String gateway = Stack.GATEWAY;
        String resident = Stack.token("resident1");
        String staff = Stack.token("staff1");
        String inspector = Stack.token("inspector1");
        String police = Stack.agencyToken("agency-police-dcy");

        String report = given().baseUri(gateway).auth().oauth2(resident).contentType(ContentType.JSON)
                .body(report("corridor-lighting")).post("/api/complaints").then().statusCode(201).extract().path("id");
        made.put("report", report);
        made.put("number", given().baseUri(gateway).auth().oauth2(resident).get("/api/complaints/" + report)
                .then().statusCode(200).extract().path("trackingNumber"));
        made.put("attachment", given().baseUri(gateway).auth().oauth2(resident)
                .multiPart("file", "photo.png", PNG, "image/png")
                .post("/api/complaints/" + report + "/attachments").then().statusCode(201).extract().path("id"));
        command(staff, report, "accept", "{}");
        // a visit staff recorded, with the reporter's name and phone (kept encrypted; read with a reason)
        made.put("visit", given().baseUri(gateway).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(report("noise").replace("\"channel\":\"APP\",\"anonymous\":false",
                        "\"channel\":\"VISIT\",\"anonymous\":false,\"reporterName\":\"" + REPORTER
                                + "\",\"reporterPhone\":\"13912345678\""))
                .post("/api/complaints").then().statusCode(201).extract().path("id"));
        made.put("note", String.valueOf(given().baseUri(gateway).auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"text\":\"" + NOTE + "\",\"visibility\":\"INTERNAL\"}")
                .post("/api/complaints/" + report + "/notes").then().statusCode(201).extract().<Object>path("id")));
        // escalation-service learns of the report from Kafka: 422 until then
        made.put("escalation", Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Response opened = given().baseUri(gateway).auth().oauth2(staff).contentType(ContentType.JSON)
                    .body("{\"reportId\":\"" + report + "\",\"agencies\":[\"police-dcy\"],"
                            + "\"reason\":\"owasp object-level probe\",\"dueInWorkingDays\":3}")
                    .post("/api/escalations");
            return opened.statusCode() == 201 ? opened.<String>path("id") : null;
        }, id -> id != null));
        made.put("official", given().baseUri(gateway).auth().oauth2(inspector).contentType(ContentType.JSON).body("""
                {"name":"%s%s","employer":"区住房和城乡建设委员会","post":"副主任","rank":"副处级","communityCode":"DCY",
                 "building":"3-2","phone":"13900000000","registeredOn":"%s"}"""
                .formatted(OFFICIAL_PREFIX, UUID.randomUUID().toString().substring(0, 6), LocalDate.now()))
                .post("/api/cadres").then().statusCode(201).extract().path("id"));
        made.put("subscription", given().baseUri(gateway).auth().oauth2(police).contentType(ContentType.JSON)
                .body("{\"url\":\"" + HOOK + "\",\"kinds\":[\"REPORT_RESOLVED\"]}")
                .post("/api/subscriptions").then().statusCode(201).extract().path("id"));
        given().baseUri(gateway).auth().oauth2(police).post("/api/subscriptions/" + made.get("subscription") + "/pause")
                .then().statusCode(200);
        // a notification in resident1's inbox: a second report of theirs, resolved
        String second = given().baseUri(gateway).auth().oauth2(resident).contentType(ContentType.JSON)
                .body(report("water")).post("/api/complaints").then().statusCode(201).extract().path("id");
        command(staff, second, "accept", "{}");
        command(staff, second, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}");
        command(staff, second, "resolve", "{\"result\":\"fixed\"}");
        made.put("notification", Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> given().baseUri(gateway).auth().oauth2(resident).queryParam("limit", 50)
                        .get("/api/notifications").then().statusCode(200).extract().jsonPath()
                        .<Object>get("find { it.reportId == '" + second + "' }?.id"), id -> id != null).toString());
        return Map.copyOf(made);
    }

    /** A staff command, retried when escalation-service's news about the report was written at the same moment. */
    static void command(String token, String id, String action, String body) {
        Response answer = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            answer = given().baseUri(Stack.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/complaints/" + id + "/" + action);
            if (answer.statusCode() != 409 || !String.valueOf(answer.path("type")).endsWith("concurrent-change")) {
                break;
            }
        }
        answer.then().statusCode(200);
    }

    static String report(String item) {
        return """
                {"itemCode":"%s","title":"owasp probe","description":"owasp probe","communityCode":"DCY",
                 "location":{"address":"东朝阳路南社区 3号楼","building":"3-2"},"channel":"APP","anonymous":false}
                """.formatted(item);
    }

    /** The path with every {name} of {@link #ids()} filled in. */
    static String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids().entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved;
    }
}
