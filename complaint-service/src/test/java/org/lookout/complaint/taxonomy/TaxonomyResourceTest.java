package org.lookout.complaint.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.lookout.testsupport.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class TaxonomyResourceTest {

    @Test
    void theTaxonomyIsPublicWithFourCategoriesAndTwentyThreeItems() {
        given().get("/api/taxonomy").then()
                .statusCode(200)
                .body("code", contains("LIFE", "SERVICE", "PUBLIC", "ENFORCEMENT"))
                .body("[0].items", hasSize(7))
                .body("[1].items", hasSize(6))
                .body("[2].items", hasSize(5))
                .body("[3].items", hasSize(5))
                .body("[3].items.find { it.code == 'hazardous-materials' }.escalationAgencyKinds",
                        contains("PUBLIC_SECURITY", "MARKET_REGULATION"))
                .body("[3].items.find { it.code == 'hazardous-materials' }.jointEscalation", equalTo(true))
                .body("[3].items.find { it.code == 'cadre-conduct' }.confidential", equalTo(true))
                .body("[0].items[0].nameZh", equalTo("楼道照明"));
    }
}
