package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * complaint-service owns the taxonomy; escalation-service keeps a copy built from its events. An administrator's edit
 * at the owner changes what residents see and what the clocks use within the same minute, through real Kafka.
 */
class ReferenceDataIT {

    private static final String ITEM = "noise";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    void anEditOfAnItemsResolutionTargetReachesTheClocksWithinAMinute() {
        String admin = Stack.token("admin1");
        Map<String, Object> item = itemOf(ITEM);
        int before = (Integer) item.get("resolutionDays");
        int after = before < 30 ? before + 1 : before - 1;
        try {
            edit(admin, item, after);

            // what residents see, at once
            given().get("/api/taxonomy").then().statusCode(200)
                    .body("items.flatten().find { it.code == '" + ITEM + "' }.resolutionDays", equalTo(after));
            // what the clocks use, once the copy has the new revision
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin)
                    .get("/api/escalations/policies").then().statusCode(200)
                    .body("find { it.itemCode == '" + ITEM + "' }.resolutionWorkingDays", equalTo(after)));

            String id = given().auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                    .body("""
                            {"itemCode":"%s","title":"Loud music every night","description":"After 23:00, for a week.",
                             "communityCode":"DCY","location":{"address":"5号楼","building":"5-1"},"channel":"APP",
                             "anonymous":false}
                            """.formatted(ITEM))
                    .post("/api/complaints").then().statusCode(201).extract().path("id");
            String staff = Stack.token("staff1");
            given().auth().oauth2(staff).contentType(ContentType.JSON).body("{}")
                    .post("/api/complaints/" + id + "/accept").then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(staff)
                    .get("/api/escalations/reports/" + id + "/clocks").then().statusCode(200)
                    .body("find { it.kind == 'RESOLUTION' }.workingDays", equalTo(after)));
        } finally {
            edit(admin, item, before);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemOf(String code) {
        List<Map<String, Object>> categories = given().get("/api/taxonomy").then().statusCode(200).extract().as(List.class);
        return categories.stream().flatMap(category -> ((List<Map<String, Object>>) category.get("items")).stream())
                .filter(item -> code.equals(item.get("code"))).findFirst().orElseThrow();
    }

    private static void edit(String admin, Map<String, Object> item, int resolutionDays) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("nameZh", item.get("nameZh"), "nameEn", item.get("nameEn"), "resolutionDays", resolutionDays,
                        "confidential", item.get("confidential"), "active", item.get("active")))
                .put("/api/taxonomy/items/" + item.get("code"))
                .then().statusCode(200).body("resolutionDays", equalTo(resolutionDays));
    }
}
