package org.lookout.complaint.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Health, metrics and the OpenAPI document answer on the management interface (its own port, never routed by the
 * gateway), and nothing of it on the public port: an anonymous caller there gets none of it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ManagementInterfaceTest {

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** Relative to the management root, {@code /q}. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @Test
    void theManagementInterfaceAnswersHealthMetricsAndTheOpenApiDocument() {
        given().when().get(readiness).then().statusCode(200).body("status", startsWith("UP"));
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").when().get(openapi).then().statusCode(200).body("openapi", startsWith("3."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi",
        "/q/swagger-ui/"})
    void thePublicPortServesNoneOfIt(String path) {
        given().when().get(path).then().statusCode(404);
    }
}
