package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API10:2023 Unsafe Consumption of APIs, on the real stack: what an agency's system sends back about an
 * escalation (acknowledgement, progress, resolution, return) is validated like any user input — oversized text, control
 * and bidi characters, unknown outcomes and reasons, wrong types, invalid UTF-8 — a 400 naming the field and nothing
 * changed, through the gateway. (Events consumed from Kafka are validated and a poison event parked, proven per
 * consumer by the services' *ConsumerTest and outbox's ConsumerFailureTest; agencies cannot write to any topic of
 * the platform: KafkaSecurityIT.)
 */
class OwaspApi10UnsafeConsumptionIT {

    private static Map<String, String> ids;

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
        ids = OwaspFixtures.ids();
    }

    @ParameterizedTest(name = "{0} {1} → 400 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "progress | {\"note\":\"\"} | note",
            "progress | {\"note\":\"@LONG@\"} | note",
            "progress | {\"note\":\"a\\u0000b\"} | note",
            "progress | {\"note\":{\"a\":1}} | note",
            "progress | {\"note\":[\"x\"]} | note",
            "resolve | {\"outcome\":\"BRIBED\",\"actionsTaken\":\"x\"} | outcome",
            "resolve | {\"outcome\":\"HANDLED\",\"actionsTaken\":\"@LONG@\"} | actionsTaken",
            "resolve | {\"outcome\":\"HANDLED\"} | actionsTaken",
            "resolve | {\"outcome\":null,\"actionsTaken\":\"x\"} | outcome",
            "return | {\"reason\":\"BECAUSE\"} | reason",
            "return | {\"reason\":\"NOT_RESPONSIBLE\",\"note\":\"@LONG@\"} | note",
            "return | {\"reason\":\"NOT_RESPONSIBLE\",\"dueInWorkingDays\":100000} | dueInWorkingDays",
            "progress | {\"note\":\"ok\" | body",
            "progress | not json at all | body" })
    void whatAnAgencySendsIsValidated(String action, String body, String field) {
        String police = Stack.agencyToken("agency-police-dcy");
        String escalation = ids.get("escalation");
        String before = given().auth().oauth2(police).get("/api/escalations/" + escalation).then().statusCode(200)
                .extract().asString();
        Response answer = given().auth().oauth2(police).contentType(ContentType.JSON)
                .body(body.replace("@LONG@", "长".repeat(5000)))
                .post("/api/escalations/" + escalation + "/" + action);
        assertThat(answer.statusCode()).as(action + " " + body + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (!field.equals("body")) {
            assertThat(answer.asString()).contains(field);
        }
        String after = given().auth().oauth2(police).get("/api/escalations/" + escalation).then().statusCode(200)
                .extract().asString();
        assertThat(after).isEqualTo(before);
    }

    @ParameterizedTest(name = "invalid UTF-8 in {0} → 400")
    @CsvSource({ "progress", "resolve", "return" })
    void invalidUtf8FromAnAgencyIsRefused(String action) {
        byte[] body = { '{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}' };
        Response answer = given().auth().oauth2(Stack.agencyToken("agency-police-dcy"))
                .contentType("application/json").body(body)
                .post("/api/escalations/" + ids.get("escalation") + "/" + action);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
