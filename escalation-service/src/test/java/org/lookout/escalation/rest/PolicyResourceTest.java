package org.lookout.escalation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The per-item SLA policies: seeded with the 23 taxonomy items, read by staff, supervisors and admin, set by admin. */
@QuarkusTest
@EscalationTestResources
class PolicyResourceTest {

    private static final String POLICIES = "/api/escalations/policies";
    private static final String POLICY = POLICIES + "/{item}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void theTaxonomyDefaultsAreSeeded() {
        for (String token : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD"), Tokens.admin() }) {
            given().auth().oauth2(token).when().get(POLICIES)
                    .then().statusCode(200)
                    .body("", hasSize(23))
                    .body("find { it.itemCode == 'hazardous-materials' }.resolutionWorkingDays", equalTo(1))
                    .body("find { it.itemCode == 'subsistence-allowance' }.resolutionWorkingDays", equalTo(15))
                    .body("find { it.itemCode == 'water' }.source", equalTo("SEED"));
        }
    }

    @Test
    void theItemsThatEscalateAtOnceShowTheirAgencyKinds() {
        given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                .then().statusCode(200)
                .body("find { it.itemCode == 'hazardous-materials' }.immediateAgencyKinds",
                        contains("PUBLIC_SECURITY", "MARKET_REGULATION"))
                .body("find { it.itemCode == 'hazardous-materials' }.immediateJoint", equalTo(true))
                .body("find { it.itemCode == 'hazardous-materials' }.immediateLeadKind", equalTo("PUBLIC_SECURITY"))
                .body("find { it.itemCode == 'food-drug-safety' }.immediateAgencyKinds", contains("MARKET_REGULATION"))
                .body("find { it.itemCode == 'food-drug-safety' }.immediateJoint", equalTo(false))
                .body("find { it.itemCode == 'water' }.immediateAgencyKinds", hasSize(0))
                .body("findAll { it.immediateAgencyKinds.size() > 0 }", hasSize(2));
    }

    @Test
    void anAdministratorsChangeIsStoredAndAudited() {
        long audited = EscalationDatabase.number("select count(*) from sla_policy_audit where item_code = 'markets'");
        try {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("resolutionWorkingDays", 4, "reason", "market season"))
                    .when().put(POLICY, "markets")
                    .then().statusCode(200)
                    .body("itemCode", equalTo("markets"))
                    .body("resolutionWorkingDays", equalTo(4))
                    .body("source", equalTo("ADMIN"));
            assertThat(EscalationDatabase.number("select count(*) from sla_policy_audit where item_code = 'markets'"
                    + " and actor = 'admin-1' and old_days = 5 and new_days = 4 and reason = 'market season'"))
                    .isEqualTo(1);
        } finally {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("resolutionWorkingDays", 5, "reason", "season over"))
                    .when().put(POLICY, "markets")
                    .then().statusCode(200).body("resolutionWorkingDays", equalTo(5));
        }
        assertThat(EscalationDatabase.number("select count(*) from sla_policy_audit where item_code = 'markets'"))
                .isEqualTo(audited + 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "resolutionWorkingDays | 0",
            "resolutionWorkingDays | -3",
            "resolutionWorkingDays | 251",
            "resolutionWorkingDays | ",
            "reason | ' '",
            "reason | ",
    })
    void badInputIs400NamingTheField(String field, String value) {
        Map<String, Object> body = new HashMap<>(Map.of("resolutionWorkingDays", 4, "reason", "test"));
        body.put(field, field.equals("reason") || value == null ? value : Integer.valueOf(value));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(POLICY, "markets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
        given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                .then().body("find { it.itemCode == 'markets' }.resolutionWorkingDays", equalTo(5));
    }

    @Test
    void anUnknownItemIs404() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("resolutionWorkingDays", 4, "reason", "test"))
                .when().put(POLICY, "no-such-item")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get(POLICIES).then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("resolutionWorkingDays", 4, "reason", "test"))
                .when().put(POLICY, "markets").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void residentsLookoutsInspectorsAndAgenciesMayNotReadThePolicies() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.inspector(),
                Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).when().get(POLICIES).then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void everyRoleButAdminIsRefusedTheChange() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff("DCY"),
                Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("resolutionWorkingDays", 1, "reason", "test"))
                    .when().put(POLICY, "markets")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(Tokens.admin()).when().get(POLICIES)
                .then().body("find { it.itemCode == 'markets' }.resolutionWorkingDays", equalTo(5));
    }
}
