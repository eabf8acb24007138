package org.lookout.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** A service test exactly as the README shows it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceUsageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void theApplicationAndTheTestSeeTheSameServers() throws Exception {
        assertThat(kafkaBootstrapServers).isEqualTo(RealInfrastructure.kafkaBootstrapServers());
        assertThat(jdbcUrl).isEqualTo(RealInfrastructure.jdbcUrl()).endsWith("/complaint");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "complaint", "complaint")) {
            assertThat(connection.isValid(2)).isTrue();
        }
        String key = "report-" + System.nanoTime();
        TopicProbe.send("lookout.complaint.v1", key, Map.of(), "{}");
        assertThat(TopicProbe.awaitRecord("lookout.complaint.v1", r -> key.equals(r.key())).value()).isEqualTo("{}");
    }

    @Test
    void everyRoleIsRecognisedWithItsScope() {
        whoAmI(Tokens.resident("DCY")).body("subject", equalTo("resident-1")).body("roles", hasItem("resident"))
                .body("community", equalTo("DCY"));
        whoAmI(Tokens.lookout("DCY")).body("roles", hasItem("lookout"));
        whoAmI(Tokens.staff("DCY")).body("roles", hasItem("staff")).body("community", equalTo("DCY"));
        whoAmI(Tokens.supervisor("DCYJD")).body("roles", hasItem("supervisor")).body("street", equalTo("DCYJD"));
        whoAmI(Tokens.inspector()).body("roles", hasItem("inspector"));
        whoAmI(Tokens.agency("PSB-DCY")).body("roles", hasItem("agency")).body("agency", equalTo("PSB-DCY"));
        whoAmI(Tokens.admin()).body("roles", hasItem("admin"));
        // roles from groups alone are enough too
        whoAmI(Tokens.builder().roles("staff").claim("realm_access", Map.of()).community("DCY").sign())
                .body("roles", hasItem("staff"));
    }

    @Test
    void badTokensAndWrongRolesAreRefused() {
        given().get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.expired()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.wrongAudience()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.forged()).get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.builder().issuer("https://elsewhere.example.com").roles("admin").sign())
                .get("/whoami").then().statusCode(401);
        given().auth().oauth2(Tokens.staff("DCY")).get("/whoami/admin").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/whoami/admin").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse whoAmI(String token) {
        return given().auth().oauth2(token).get("/whoami").then().statusCode(200);
    }
}
