package org.lookout.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The one line an unexpected error logs names the path as sent: an encoded CR LF in it cannot forge a second line. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class UnexpectedErrorLogTest {

    /** A resource of the test only, that fails the way a defect would. */
    @Path("/test-only/failing")
    public static class Failing {

        @GET
        @Path("/{anything}")
        public String fail(@PathParam("anything") String anything) {
            throw new IllegalStateException("a defect");
        }
    }

    @Test
    void aCrLfInThePathStaysEncodedInTheLogLine() {
        try (CapturedLog log = CapturedLog.start()) {
            given().urlEncodingEnabled(false)
                    .when().get("/test-only/failing/x%0d%0a12:00:00.000%20ERROR%20forged%20line")
                    .then().statusCode(500).contentType("application/problem+json");

            await().atMost(Duration.ofSeconds(10)).until(() -> !log.of("org.lookout.problem").isEmpty());
            String line = CapturedLog.message(log.of("org.lookout.problem").getFirst());
            assertThat(line).startsWith("unexpected error ")
                    .endsWith(" on GET /test-only/failing/x%0d%0a12:00:00.000%20ERROR%20forged%20line")
                    .doesNotContain("\r").doesNotContain("\n");
        }
    }
}
