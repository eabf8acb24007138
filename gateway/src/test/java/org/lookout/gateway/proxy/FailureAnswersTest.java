package org.lookout.gateway.proxy;

import org.lookout.testsupport.Tokens;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lookout.gateway.GatewayTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@GatewayTestResources
class FailureAnswersTest {

    private static final String TOKEN = Tokens.resident("failure-tester", "DCY");
    private static final int MB = 1024 * 1024;

    @ConfigProperty(name = "lookout.gateway.upstreams.complaint-service.url")
    String complaintService;

    @Test
    void an_upstream_that_is_down_is_a_quick_503_problem_with_retry_after() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/test-down/anything")
                .then().statusCode(503)
                .time(lessThan(2_000L), TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("urn:lookout:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", containsString("down-service"))
                .body("instance", equalTo("/api/test-down/anything"))
                .body("requestId", notNullValue());
    }

    @Test
    void an_upstream_slower_than_the_route_timeout_is_a_504_problem() {
        given().auth().oauth2(TOKEN)
                .when().get("/api/test-slow/slow")
                .then().statusCode(504)
                .time(lessThan(1_500L), TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:lookout:problem:gateway-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("complaint-service"));
    }

    @Test
    void a_body_over_the_route_limit_is_a_413_problem_before_the_service_sees_it() {
        long before = EdgeAuthenticationTest.seenBy(complaintService);
        given().auth().oauth2(TOKEN).contentType("application/json").body(new byte[MB + 1])
                .when().post("/api/complaints")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lookout:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("1048576"));
        assertThat(EdgeAuthenticationTest.seenBy(complaintService)).isEqualTo(before);
    }

    @Test
    void a_chunked_body_over_the_route_limit_is_a_413_problem() {
        InputStream unsized = new ByteArrayInputStream(new byte[2 * MB]);
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(unsized)
                .when().post("/api/complaints")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void a_body_at_the_limit_passes() {
        given().auth().oauth2(TOKEN).contentType("application/json").body(new byte[MB])
                .when().post("/api/complaints")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(MB));
    }

    @Test
    void the_attachment_route_streams_a_large_upload_through() {
        InputStream unsized = new ByteArrayInputStream(new byte[15 * MB]);
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(unsized)
                .when().post("/api/complaints/DCY-2026-000123/attachments")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(15 * MB));
    }

    @Test
    void a_large_download_streams_through() throws Exception {
        long bytes = 64L * MB;
        try (InputStream body = given().auth().oauth2(TOKEN)
                .when().get("/api/complaints/DCY-2026-000123/attachments/1/download?bytes=" + bytes)
                .then().statusCode(200).extract().asInputStream()) {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0;) {
                total += n;
            }
            assertThat(total).isEqualTo(bytes);
        }
    }
}
