package org.lookout.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
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

    /** The libraries' defaults reach the application, and its own application.properties still wins over them. */
    @Test
    void theLibraryDefaultsApplyAndTheApplicationOverridesThem() {
        ConfigValue audience = ConfigProvider.getConfig().getConfigValue("quarkus.oidc.token.audience");
        ConfigValue format = ConfigProvider.getConfig().getConfigValue("quarkus.log.console.format");

        assertThat(audience.getValue()).isEqualTo("lookout-api");
        assertThat(audience.getSourceName()).contains("security", "META-INF/microprofile-config.properties");
        assertThat(format.getValue()).isEqualTo("%d{HH:mm:ss} %-5p [%c{2.}] %s%e%n");
        assertThat(format.getSourceName()).contains("application.properties");
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

    /** security's CurrentCaller in a real application: scope claims and attributes as Keycloak's mappers write them. */
    @Test
    void theCallerIsReadFromTheVerifiedToken() {
        given().auth().oauth2(Tokens.builder().subject("head-1").roles("resident", "staff").community("DCY")
                .claim("communityHead", "true").sign())
                .get("/whoami/caller").then().statusCode(200)
                .body("subject", equalTo("head-1")).body("actingRole", equalTo("staff"))
                .body("community", equalTo("DCY")).body("attributes", contains("communityHead"))
                .body("streets", empty()).body("agency", equalTo(""));
        given().auth().oauth2(Tokens.builder().subject("inspector-9").roles("inspector")
                .claim("street", List.of("DCYJD", "JXJD")).sign())
                .get("/whoami/caller").then().statusCode(200)
                .body("actingRole", equalTo("inspector")).body("streets", contains("DCYJD", "JXJD"))
                .body("attributes", empty());
        given().auth().oauth2(Tokens.agency("PSB-DCY")).get("/whoami/caller").then().statusCode(200)
                .body("actingRole", equalTo("agency")).body("agency", equalTo("PSB-DCY"));
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
