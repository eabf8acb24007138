package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * OWASP API7:2023 Server Side Request Forgery, on the real stack through the gateway. The two places where a caller
 * names a URL the platform will call — an agency's webhook in the directory (admin) and a webhook subscription (agency)
 * — refuse every address that is not public (cloud metadata, loopback beyond the development stack's own 127.0.0.1,
 * private, link-local, IPv6 forms, numeric disguises), every scheme but https and file/gopher/ftp URLs with a 400 naming
 * the field, and nothing is created. Open311's {@code media_url} is stored as text and never fetched: non-http(s) URLs
 * are refused, and a URL pointing at a receiver on this machine is never called.
 */
class OwaspApi7SsrfIT {

    /** URLs a webhook must never call: cloud metadata, this machine, private ranges, their spellings, non-https. */
    static List<String> unsafeWebhookUrls() {
        return List.of(
                "https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
                "https://[fd00:ec2::254]/latest/meta-data/", "https://metadata.google.internal/computeMetadata/v1/",
                "https://127.0.0.2/hooks", "https://localhost/hooks", "https://localhost.localdomain/hooks",
                "https://10.0.0.1/hooks", "https://172.16.0.1/hooks", "https://192.168.1.1/hooks", "https://100.64.0.1/",
                "https://[::1]/hooks", "https://[::ffff:127.0.0.1]/hooks", "https://[::ffff:a9fe:a9fe]/",
                "https://[fe80::1]/hooks", "https://0.0.0.0/hooks", "https://2130706433/hooks", "https://0x7f.0.0.1/hooks",
                "https://0177.0.0.1/hooks", "https://127.1/hooks", "https://user@169.254.169.254/",
                "file:///etc/passwd", "gopher://127.0.0.1:25/_HELO", "ftp://169.254.169.254/", "dict://127.0.0.1:11211/",
                "jar:https://example.org/a.jar!/", "//169.254.169.254/", "http://example.org/plain-http",
                "javascript:alert(1)");
    }

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @ParameterizedTest(name = "agency directory webhookUrl {0} → 400")
    @MethodSource("unsafeWebhookUrls")
    void theAgencyDirectoryRefusesAWebhookThatIsNotPublicHttps(String url) {
        String code = "owasp-ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Stack.token("admin1");
        Response answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "URBAN_MANAGEMENT", "nameZh", "测试", "nameEn", "SSRF probe", "jurisdiction",
                        "DCYJD", "webhookUrl", url))
                .put("/api/agencies/" + code);
        assertThat(answer.statusCode()).as(url + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.asString()).contains("webhookUrl");
        given().auth().oauth2(admin).get("/api/agencies/" + code).then().statusCode(404);
    }

    @ParameterizedTest(name = "subscription url {0} → 400")
    @MethodSource("unsafeWebhookUrls")
    void aSubscriptionRefusesAUrlThatIsNotPublicHttps(String url) {
        String agency = Stack.agencyToken("agency-market-dcy");
        Response answer = given().auth().oauth2(agency).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/subscriptions");
        assertThat(answer.statusCode()).as(url + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.asString()).contains("url");
        List<String> urls = given().auth().oauth2(agency).get("/api/subscriptions").then().statusCode(200)
                .extract().jsonPath().getList("url", String.class);
        assertThat(urls).doesNotContain(url);
    }

    @ParameterizedTest(name = "Open311 media_url {0} → 400")
    @ValueSource(strings = { "file:///etc/passwd", "gopher://127.0.0.1:25/_HELO", "ftp://169.254.169.254/",
            "javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "//169.254.169.254/", "/etc/passwd" })
    void open311RefusesAMediaUrlThatIsNotHttp(String url) {
        String key = open311Key();
        Response answer = given().baseUri(LiveServices.named("complaint").url())
                .contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParams(Map.of("api_key", key, "service_code", "corridor-lighting", "lat", "39.9185", "long",
                        "116.5120", "attribute[FLOOR]", "2", "description", "owasp media probe", "media_url", url))
                .post("/open311/v2/requests.json");
        assertThat(answer.statusCode()).as(url + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.asString()).contains("media_url");
    }

    @Test
    void open311NeverFetchesAMediaUrl() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Response answer = given().baseUri(LiveServices.named("complaint").url())
                    .contentType("application/x-www-form-urlencoded; charset=utf-8")
                    .formParams(Map.of("api_key", open311Key(), "service_code", "corridor-lighting", "lat",
                            "39.9185", "long", "116.5120", "attribute[FLOOR]", "2", "description", "owasp media probe", "media_url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/photo.jpg"))
                    .post("/open311/v2/requests.json");
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> calls.get() == 0);
        } finally {
            receiver.stop(0);
        }
    }

    private static String key;

    /** An Open311 client key of admin's, once per run. */
    private static synchronized String open311Key() {
        if (key == null) {
            key = given().auth().oauth2(Stack.token("admin1")).contentType(ContentType.JSON)
                    .body(Map.of("name", "owasp ssrf " + UUID.randomUUID().toString().substring(0, 8)))
                    .post("/api/open311/keys").then().statusCode(201).extract().path("key");
        }
        return key;
    }
}
