package org.lookout.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.gateway.GatewayTestResources;
import org.lookout.gateway.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A request line of an HTTP version the gateway does not speak ({@code HTTP/9.9}) is refused and never reaches a
 * service (issue 17's probe). Sent over a raw socket: no client library would send it. vert.x 4.5's HTTP/1.x server
 * answers such a request itself with a bare 501 and closes the connection before any handler runs (Quarkus offers no
 * hook there), so the status is pinned as 501, not the 505 RFC 9110 would name: a version that lets the gateway answer
 * 505 should change this test.
 */
@QuarkusTest
@GatewayTestResources
class HttpVersionTest {

    @ConfigProperty(name = "lookout.gateway.upstreams.complaint-service.url")
    String complaintService;

    @ParameterizedTest
    @ValueSource(strings = { "HTTP/9.9", "HTTP/1.2", "HTTP/1.9", "HTTP/0.9", "HTTP/2.0", "HTTP/3.0" })
    void aRequestLineOfAnotherVersionIsRefusedAndNeverProxied(String version) {
        long before = seen();

        RawHttp.Answer answer = RawHttp.send("GET /api/taxonomy/items " + version);

        assertThat(seen()).as("requests that reached complaint-service").isEqualTo(before);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(501);
        assertThat(answer.body()).doesNotContain("upstream");
    }

    @ParameterizedTest
    @ValueSource(strings = { "HTTP/1.0", "HTTP/1.1" })
    void http10And11AreProxied(String version) {
        long before = seen();

        RawHttp.Answer answer = RawHttp.send("GET /api/taxonomy/items " + version);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(seen()).isEqualTo(before + 1);
    }

    private long seen() {
        return Long.parseLong(RestAssured.given().baseUri(complaintService).port(-1).when().get("/__seen").asString());
    }
}
