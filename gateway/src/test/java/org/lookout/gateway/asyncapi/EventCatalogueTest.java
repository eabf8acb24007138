package org.lookout.gateway.asyncapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lookout.contracts.EventType;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

/** The event catalogue beside the OpenAPI docs: the AsyncAPI document, its schemas and a page for people, no token. */
@QuarkusTest
@GatewayTestResources
class EventCatalogueTest {

    /** An attribute that would make a browser fetch something from another host. */
    private static final Pattern REMOTE = Pattern.compile("(?i)(src|href|action)\\s*=\\s*\"?\\s*(https?:)?//");

    @Test
    void theDocumentIsServedAsEventContractsHasIt() throws Exception {
        byte[] served = given().get("/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asByteArray();

        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/asyncapi.yaml")) {
            assertThat(served).isEqualTo(in.readAllBytes());
        }
        assertThat(new String(served)).contains("lookout.agency.{agencyCode}.v1", "kafka-secure");
    }

    @Test
    void everySchemaTheDocumentReferencesIsServedBesideIt() {
        for (EventType type : EventType.values()) {
            given().get("/schemas/" + type.type() + ".schema.json").then().statusCode(200)
                    .contentType(startsWith("application/schema+json"))
                    .body("title", org.hamcrest.Matchers.equalTo(type.type()));
        }
        given().get("/schemas/no-such.schema.json").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/schemas/..%2f..%2fapplication.properties").then().statusCode(404);
    }

    @Test
    void thePageShowsEveryMessageTheAgencyTopicAndHowToConnectWithNothingFromElsewhere() {
        String page = given().get("/docs/events").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();

        for (EventType type : EventType.values()) {
            assertThat(page).contains("id=\"message-" + type.type() + "\"");
        }
        assertThat(page).contains("<code>lookout.agency.{agencyCode}.v1</code>", "OAUTHBEARER",
                "https://login.lookout.example/realms/lookout/protocol/openid-connect/token",
                "^agency-[a-z0-9][a-z0-9-]*\\..+$", "retention.ms", "ce_id", "group.id=agency-police-dcy.escalations",
                "<a href=\"/asyncapi.yaml\">");
        assertThat(page).doesNotContain("<script", "<iframe", "<link", "@import");
        assertThat(REMOTE.matcher(page).find()).as("a link to another host").isFalse();
    }

    @Test
    void textFromTheDocumentIsEscaped() {
        StringBuilder html = new StringBuilder();
        EventCataloguePage.markdown(html, "## A <b>heading</b>\n\nSee `<script>` & \"quotes\"\n\n```\n<img src=x>\n```");

        assertThat(html.toString()).contains("<h3>A &lt;b&gt;heading&lt;/b&gt;</h3>",
                "<p>See <code>&lt;script&gt;</code> &amp; &quot;quotes&quot;</p>",
                "<pre><code>&lt;img src=x&gt;\n</code></pre>").doesNotContain("<script>", "<img");
    }
}
