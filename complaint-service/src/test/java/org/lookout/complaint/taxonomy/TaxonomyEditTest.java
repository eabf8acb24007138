package org.lookout.complaint.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.security.Roles;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Admin edits of taxonomy items: audited, refused to everyone else, and applied to new reports only. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class TaxonomyEditTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN_SUBJECT = "admin-taxonomy-1";
    // an item no other test files reports under; restored after each test
    private static final String ITEM = "markets";
    private static final String SEEDED = """
            {"nameZh":"早晚市集贸","nameEn":"Morning and evening markets","resolutionDays":5,
             "confidential":false,"active":true}""";
    private static final String EDITED = """
            {"nameZh":"早晚市场","nameEn":"Street markets","resolutionDays":7,"confidential":true,"active":true}""";
    private static final String NOT_AT_ONCE = """
            {"escalatesImmediately":false,"escalationAgencyKinds":[],"jointEscalation":false}""";
    private static final String JOINT = """
            {"escalatesImmediately":true,"escalationAgencyKinds":["POLICE_STATION","URBAN_MANAGEMENT"],
             "jointEscalation":true,"leadAgencyKind":"URBAN_MANAGEMENT"}""";

    @AfterEach
    void seededAgain() {
        edit(Tokens.admin(), ITEM, SEEDED).statusCode(200);
        escalation(Tokens.admin(), ITEM, NOT_AT_ONCE).statusCode(200);
    }

    @Test
    void anAdminEditsAnItemAndTheAuditKeepsWhoWhenBeforeAndAfter() {
        edit(Tokens.builder().subject(ADMIN_SUBJECT).roles(Roles.ADMIN).sign(), ITEM, EDITED).statusCode(200)
                .body("code", equalTo(ITEM))
                .body("nameEn", equalTo("Street markets"))
                .body("resolutionDays", equalTo(7))
                .body("confidential", equalTo(true));

        given().get("/api/taxonomy").then().statusCode(200)
                .body("[2].items.find { it.code == 'markets' }.nameZh", equalTo("早晚市场"))
                .body("[2].items.find { it.code == 'markets' }.active", equalTo(true));
        given().auth().oauth2(Tokens.admin()).queryParam("itemCode", ITEM).get("/api/taxonomy/audit").then()
                .statusCode(200)
                .body("[0].itemCode", equalTo(ITEM))
                .body("[0].actor", equalTo(ADMIN_SUBJECT))
                .body("[0].before.nameEn", equalTo("Morning and evening markets"))
                .body("[0].before.resolutionDays", equalTo(5))
                .body("[0].before.confidential", equalTo(false))
                .body("[0].after.nameEn", equalTo("Street markets"))
                .body("[0].after.resolutionDays", equalTo(7))
                .body("[0].after.confidential", equalTo(true));
    }

    @Test
    void aChangeAppliesToNewReportsOnly() {
        String before = submit(Tokens.resident("DCY"), report(ITEM, "DCY", "APP")).statusCode(201)
                .body("confidential", equalTo(false)).extract().path("id");

        edit(Tokens.admin(), ITEM, EDITED).statusCode(200);

        // the report filed before keeps the confidentiality it was filed with: staff still handle it
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + before).then().statusCode(200)
                .body("confidential", equalTo(false));
        command(Tokens.staff("DCY"), before, "accept", "{}").statusCode(200);
        String after = submit(Tokens.resident("DCY"), report(ITEM, "DCY", "APP")).statusCode(201)
                .body("confidential", equalTo(true)).extract().path("id");
        given().auth().oauth2(Tokens.staff("DCY")).get("/api/complaints/" + after).then().statusCode(404);
    }

    @Test
    void anInactiveItemIsNotOfferedForNewReports() {
        edit(Tokens.admin(), ITEM, SEEDED.replace("\"active\":true", "\"active\":false")).statusCode(200)
                .body("active", equalTo(false));

        submit(Tokens.resident("DCY"), report(ITEM, "DCY", "APP")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("itemCode"));
        given().get("/api/taxonomy").then().body("[2].items.find { it.code == 'markets' }.active", equalTo(false));
    }

    @Test
    void badEditsAreProblemsNamingTheField() {
        edit(Tokens.admin(), ITEM, EDITED.replace("\"resolutionDays\":7", "\"resolutionDays\":0")).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("resolutionDays"));
        edit(Tokens.admin(), ITEM, EDITED.replace("\"resolutionDays\":7", "\"resolutionDays\":61")).statusCode(400)
                .body("errors.field", hasItem("resolutionDays"));
        edit(Tokens.admin(), ITEM, EDITED.replace("\"Street markets\"", "\" \"")).statusCode(400)
                .body("errors.field", hasItem("nameEn"));
        edit(Tokens.admin(), ITEM, "{\"nameZh\":\"市场\"}").statusCode(400)
                .body("errors.field", hasItem("active"));
        edit(Tokens.admin(), "no-such-item", EDITED).statusCode(404).contentType(PROBLEM);
        edit(Tokens.admin(), "cadre-conduct", """
                {"nameZh":"干部作风","nameEn":"Conduct of officials","resolutionDays":5,"confidential":false,
                 "active":true}""").statusCode(422).body("errors[0].field", equalTo("confidential"));
    }

    @Test
    void anAdminEditsTheEscalationRulesTheLeadFirstAndTheAuditKeepsThem() {
        escalation(Tokens.builder().subject(ADMIN_SUBJECT).roles(Roles.ADMIN).sign(), ITEM, JOINT).statusCode(200)
                .body("code", equalTo(ITEM))
                .body("escalatesImmediately", equalTo(true))
                .body("escalationAgencyKinds", contains("URBAN_MANAGEMENT", "POLICE_STATION"))
                .body("jointEscalation", equalTo(true))
                .body("resolutionDays", equalTo(5));

        given().get("/api/taxonomy").then().statusCode(200)
                .body("[2].items.find { it.code == 'markets' }.escalationAgencyKinds",
                        contains("URBAN_MANAGEMENT", "POLICE_STATION"));
        given().auth().oauth2(Tokens.admin()).queryParam("itemCode", ITEM).get("/api/taxonomy/audit").then()
                .statusCode(200)
                .body("[0].actor", equalTo(ADMIN_SUBJECT))
                .body("[0].before.escalatesImmediately", equalTo(false))
                .body("[0].before.escalationAgencyKinds", empty())
                .body("[0].after.escalatesImmediately", equalTo(true))
                .body("[0].after.escalationAgencyKinds", contains("URBAN_MANAGEMENT", "POLICE_STATION"))
                .body("[0].after.jointEscalation", equalTo(true))
                .body("[0].after.nameEn", equalTo("Morning and evening markets"));
    }

    @Test
    void aResolutionBreachGoesToTheKindTheAdminNamesOrToTheStreet() {
        escalation(Tokens.builder().subject(ADMIN_SUBJECT).roles(Roles.ADMIN).sign(), ITEM,
                NOT_AT_ONCE.replace("}", ",\"resolutionBreachAgencyKind\":\"MARKET_REGULATION\"}")).statusCode(200)
                .body("resolutionBreachAgencyKind", equalTo("MARKET_REGULATION"))
                .body("escalatesImmediately", equalTo(false));
        given().get("/api/taxonomy").then()
                .body("[2].items.find { it.code == 'markets' }.resolutionBreachAgencyKind",
                        equalTo("MARKET_REGULATION"));
        given().auth().oauth2(Tokens.admin()).queryParam("itemCode", ITEM).get("/api/taxonomy/audit").then()
                .statusCode(200)
                .body("[0].actor", equalTo(ADMIN_SUBJECT))
                .body("[0].before.resolutionBreachAgencyKind", nullValue())
                .body("[0].after.resolutionBreachAgencyKind", equalTo("MARKET_REGULATION"));

        // the rules as they shall be: left out, the breach goes to the street again
        escalation(Tokens.admin(), ITEM, NOT_AT_ONCE).statusCode(200).body("resolutionBreachAgencyKind", nullValue());
        given().get("/api/taxonomy").then()
                .body("[2].items.find { it.code == 'markets' }.resolutionBreachAgencyKind", nullValue());
    }

    @Test
    void theStreetIsNoAgencyKindForAResolutionBreachNorIsAnUnknownKind() {
        for (String kind : new String[] { "STREET_OFFICE", "NAVY", "" }) {
            String rules = NOT_AT_ONCE.replace("}", ",\"resolutionBreachAgencyKind\":\"" + kind + "\"}");
            escalation(Tokens.admin(), ITEM, rules).statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("resolutionBreachAgencyKind"));
        }
        given().get("/api/taxonomy").then()
                .body("[2].items.find { it.code == 'markets' }.resolutionBreachAgencyKind", nullValue());
    }

    @Test
    void aSingleKindLeadsByItself() {
        escalation(Tokens.admin(), ITEM, """
                {"escalatesImmediately":true,"escalationAgencyKinds":["MARKET_REGULATION"],"jointEscalation":false}""")
                .statusCode(200).body("escalationAgencyKinds", contains("MARKET_REGULATION"));
    }

    @Test
    void escalationRulesThatDoNotFitTogetherAreProblemsNamingTheField() {
        escalation(Tokens.admin(), ITEM, JOINT.replace("\"URBAN_MANAGEMENT\"]", "\"NAVY\"]")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", startsWith("escalationAgencyKinds"));
        escalation(Tokens.admin(), ITEM, "{\"escalatesImmediately\":true}").statusCode(400)
                .body("errors.field", hasItem("jointEscalation"));
        escalation(Tokens.admin(), ITEM, JOINT.replace("\"jointEscalation\":true", "\"jointEscalation\":false"))
                .statusCode(422).body("errors[0].field", equalTo("jointEscalation"));
        escalation(Tokens.admin(), ITEM, JOINT.replace("\"leadAgencyKind\":\"URBAN_MANAGEMENT\"",
                "\"leadAgencyKind\":\"HOUSING\"")).statusCode(422).body("errors[0].field", equalTo("leadAgencyKind"));
        escalation(Tokens.admin(), ITEM, JOINT.replace(",\"leadAgencyKind\":\"URBAN_MANAGEMENT\"", ""))
                .statusCode(422).body("errors[0].field", equalTo("leadAgencyKind"));
        escalation(Tokens.admin(), ITEM, JOINT.replace("\"URBAN_MANAGEMENT\"]", "\"POLICE_STATION\"]"))
                .statusCode(422).body("errors[0].field", equalTo("escalationAgencyKinds"));
        escalation(Tokens.admin(), ITEM, JOINT.replace("\"escalatesImmediately\":true", "\"escalatesImmediately\":false"))
                .statusCode(422).body("errors[0].field", equalTo("escalationAgencyKinds"));
        escalation(Tokens.admin(), ITEM, NOT_AT_ONCE.replace("\"escalatesImmediately\":false",
                "\"escalatesImmediately\":true")).statusCode(422).body("errors[0].field", equalTo("escalationAgencyKinds"));
        escalation(Tokens.admin(), "no-such-item", NOT_AT_ONCE).statusCode(404).contentType(PROBLEM);

        given().get("/api/taxonomy").then().body("[2].items.find { it.code == 'markets' }.escalatesImmediately",
                equalTo(false));
    }

    @Test
    void everyoneButAdminIsRefused() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff("DCY"),
                Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("psb-district") }) {
            edit(token, ITEM, EDITED).statusCode(403).contentType(PROBLEM);
            escalation(token, ITEM, JOINT).statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get("/api/taxonomy/audit").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(EDITED).put("/api/taxonomy/items/" + ITEM).then().statusCode(401);
        given().get("/api/taxonomy/audit").then().statusCode(401);
    }

    private static ValidatableResponse escalation(String token, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/taxonomy/items/" + code + "/escalation")
                .then();
    }

    private static ValidatableResponse edit(String token, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/taxonomy/items/" + code)
                .then();
    }
}
