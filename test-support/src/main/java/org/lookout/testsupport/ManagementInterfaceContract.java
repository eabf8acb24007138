package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every Lookout service's management interface holds, as a test a service's {@code ManagementInterfaceTest}
 * extends with its own {@code @QuarkusTest} resources: health, metrics and the OpenAPI document answer on the
 * management port (its own, never routed by the gateway), and none of it on the public port.
 */
public abstract class ManagementInterfaceContract {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @TestHTTPResource("/")
    URL publicRoot;

    @Test
    void theManagementInterfaceAnswersHealthMetricsAndTheOpenApiDocument() throws Exception {
        HttpResponse<String> ready = get(readiness.toURI());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\"").contains("UP");
        HttpResponse<String> scraped = get(metrics.toURI());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> document = get(URI.create(openapi + "?format=json"));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).containsPattern("\"openapi\"\\s*:\\s*\"3\\.");
    }

    /**
     * Every metric the alert rules and dashboards read of this service ({@link MonitoredMetrics}) is in its scrape once it
     * has answered a request and its consumers have their partitions.
     */
    @Test
    void everyMetricTheAlertsAndDashboardsReadIsExported() throws Exception {
        String part = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        // any answer of the public port counts in http_server_requests (those of /q/... do not)
        get(publicRoot.toURI().resolve("monitored-metrics-probe"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> MonitoredMetrics.assertExported(part, get(metrics.toURI()).body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q/health", "q/health/live", "q/health/ready", "q/metrics", "q/openapi", "q/swagger-ui/"})
    void thePublicPortServesNoneOfIt(String path) throws Exception {
        assertThat(get(publicRoot.toURI().resolve(path)).statusCode()).as(path).isEqualTo(404);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
