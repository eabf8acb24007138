package org.lookout.escalation.policy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.escalation.ReferenceDataFixture;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The per-item SLA policies: this service's copy of complaint-service's 23 taxonomy items, read by staff, supervisors and
 * admin; edited only where the taxonomy is owned.
 */
@QuarkusTest
@EscalationTestResources
class PolicyResourceTest {

    private static final String POLICIES = "/api/escalations/policies";
    private static final String POLICY = POLICIES + "/{item}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void theOwnersItemsAreCopied() {
        awaitCopied();
        for (String token : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD"), Tokens.admin() }) {
            given().auth().oauth2(token).when().get(POLICIES)
                    .then().statusCode(200)
                    .body("findAll { !it.itemCode.startsWith('pilot-') }", hasSize(ReferenceDataFixture.items()))
                    .body("find { it.itemCode == 'hazardous-materials' }.resolutionWorkingDays", equalTo(1))
                    .body("find { it.itemCode == 'subsistence-allowance' }.resolutionWorkingDays", equalTo(15))
                    .body("find { it.itemCode == 'water' }.source", equalTo("SEED"))
                    .body("find { it.itemCode == 'water' }.updatedAt", equalTo("2026-01-01T00:00:00Z"));
        }
    }

    @Test
    void theItemsThatEscalateAtOnceShowTheirAgencyKinds() {
        awaitCopied();
        given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                .then().statusCode(200)
                .body("find { it.itemCode == 'hazardous-materials' }.immediateAgencyKinds",
                        contains("PUBLIC_SECURITY", "MARKET_REGULATION"))
                .body("find { it.itemCode == 'hazardous-materials' }.immediateJoint", equalTo(true))
                .body("find { it.itemCode == 'hazardous-materials' }.immediateLeadKind", equalTo("PUBLIC_SECURITY"))
                .body("find { it.itemCode == 'food-drug-safety' }.immediateAgencyKinds", contains("MARKET_REGULATION"))
                .body("find { it.itemCode == 'food-drug-safety' }.immediateJoint", equalTo(false))
                // complaint-service's item: reports about officials go to the discipline commission (as tip-offs)
                .body("find { it.itemCode == 'cadre-conduct' }.immediateAgencyKinds", contains("DISCIPLINE_COMMISSION"))
                .body("find { it.itemCode == 'water' }.immediateAgencyKinds", hasSize(0))
                .body("find { it.itemCode == 'water' }.immediateLeadKind", equalTo(null))
                .body("findAll { it.immediateAgencyKinds.size() > 0 && !it.itemCode.startsWith('pilot-') }", hasSize(3));
    }

    @Test
    void anEditAtTheOwnerReachesTheCopy() {
        awaitCopied();
        ReferenceDataFixture.publish(ReferenceDataFixture.edited("markets", 4));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.admin()).when()
                    .get(POLICIES).then().extract().path("find { it.itemCode == 'markets' }.resolutionWorkingDays")
                    .equals(4));
            given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                    .then().body("find { it.itemCode == 'markets' }.source", equalTo("ADMIN"));
        } finally {
            ReferenceDataFixture.publish(ReferenceDataFixture.edited("markets", 5));
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.admin()).when()
                    .get(POLICIES).then().extract().path("find { it.itemCode == 'markets' }.resolutionWorkingDays")
                    .equals(5));
        }
    }

    @Test
    void theFormerAdminEditIs405PointingToTheOwner() {
        for (String token : new String[] { Tokens.admin(), Tokens.staff("DCY") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("resolutionWorkingDays", 4, "reason", "market season"))
                    .when().put(POLICY, "markets")
                    .then().statusCode(405).contentType(PROBLEM)
                    .body("type", equalTo("urn:lookout:problem:method-not-allowed"))
                    .body("detail", equalTo("an item's resolution target is edited where the taxonomy is owned:"
                            + " complaint-service, PUT /api/taxonomy/items/{code}"));
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get(POLICIES).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void residentsLookoutsInspectorsAndAgenciesMayNotReadThePolicies() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.inspector(),
                Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).when().get(POLICIES).then().statusCode(403).contentType(PROBLEM);
        }
    }

    /** The copy holds every item of the owner's seed (it is built from the topic while the application starts). */
    private static void awaitCopied() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                .then().extract().jsonPath().getList("").size() >= ReferenceDataFixture.items());
    }
}
