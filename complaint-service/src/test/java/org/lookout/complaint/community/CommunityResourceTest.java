package org.lookout.complaint.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.security.Roles;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Admin edits of communities: names, street and whether they take new reports; audited, refused to everyone else. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class CommunityResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN_SUBJECT = "admin-communities-1";
    // a community whose names and street no other test reads; restored after each test
    private static final String COMMUNITY = "XHY";
    private static final String SEEDED = """
            {"nameZh":"杏花苑社区","nameEn":"Xinghuayuan","streetCode":"DCYJD","active":true}""";
    private static final String OTHER_STREET = "XHJD";

    @AfterEach
    void seededAgain() {
        edit(Tokens.admin(), COMMUNITY, SEEDED).statusCode(200);
    }

    @Test
    void anAdminReadsTheCommunitiesWithTheirStreets() {
        given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/communities").then().statusCode(200)
                .body("code", hasItem("DCY"))
                .body("find { it.code == 'DCY' }.streetCode", equalTo("DCYJD"))
                .body("find { it.code == 'DCY' }.nameZh", equalTo("东朝阳路南社区"))
                .body("find { it.code == 'DCY' }.active", equalTo(true));
        given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/communities/DCY").then().statusCode(200)
                .body("nameEn", equalTo("Dongchaoyang Road South"));
        given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/communities/NOPE").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void movingACommunityToAnotherStreetMovesItsReportsOutOfTheOldSupervisorsSight() {
        ComplaintDatabase.execute("insert into street (code, name_zh, name_en) values (?, '杏花街道', 'Xinghua')"
                + " on conflict do nothing", OTHER_STREET);
        String id = submit(Tokens.resident(COMMUNITY), report("noise", COMMUNITY, "APP")).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.supervisor("DCYJD")).get("/api/complaints/" + id).then().statusCode(200);

        edit(Tokens.builder().subject(ADMIN_SUBJECT).roles(Roles.ADMIN).sign(), COMMUNITY,
                SEEDED.replace("DCYJD", OTHER_STREET).replace("Xinghuayuan", "Xinghua Garden")).statusCode(200)
                .body("code", equalTo(COMMUNITY))
                .body("streetCode", equalTo(OTHER_STREET))
                .body("nameEn", equalTo("Xinghua Garden"));

        given().auth().oauth2(Tokens.supervisor("DCYJD")).get("/api/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.supervisor(OTHER_STREET)).get("/api/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("communityCode", COMMUNITY)
                .get("/api/taxonomy/communities/audit").then().statusCode(200)
                .body("[0].communityCode", equalTo(COMMUNITY))
                .body("[0].actor", equalTo(ADMIN_SUBJECT))
                .body("[0].before.streetCode", equalTo("DCYJD"))
                .body("[0].before.nameEn", equalTo("Xinghuayuan"))
                .body("[0].after.streetCode", equalTo(OTHER_STREET))
                .body("[0].after.nameEn", equalTo("Xinghua Garden"));
    }

    @Test
    void anInactiveCommunityTakesNoNewReports() {
        edit(Tokens.admin(), COMMUNITY, SEEDED.replace("\"active\":true", "\"active\":false")).statusCode(200)
                .body("active", equalTo(false));

        submit(Tokens.resident(COMMUNITY), report("noise", COMMUNITY, "APP")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("communityCode"));
    }

    @Test
    void badEditsAreProblemsNamingTheField() {
        edit(Tokens.admin(), COMMUNITY, SEEDED.replace("DCYJD", "NOWHERE")).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("streetCode"));
        edit(Tokens.admin(), COMMUNITY, SEEDED.replace("DCYJD", "dcy-jd")).statusCode(400)
                .body("errors.field", hasItem("streetCode"));
        edit(Tokens.admin(), COMMUNITY, SEEDED.replace("\"Xinghuayuan\"", "\" \"")).statusCode(400)
                .body("errors.field", hasItem("nameEn"));
        edit(Tokens.admin(), COMMUNITY, "{\"nameZh\":\"杏花苑\"}").statusCode(400)
                .body("errors.field", hasItem("active"));
        edit(Tokens.admin(), "NOPE", SEEDED).statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(Tokens.admin()).get("/api/taxonomy/communities/" + COMMUNITY).then()
                .body("streetCode", equalTo("DCYJD")).body("nameEn", equalTo("Xinghuayuan"));
    }

    @Test
    void everyoneButAdminIsRefused() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff(COMMUNITY),
                Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("psb-district") }) {
            edit(token, COMMUNITY, SEEDED).statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).get("/api/taxonomy/communities").then().statusCode(403);
            given().auth().oauth2(token).get("/api/taxonomy/communities/audit").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(SEEDED).put("/api/taxonomy/communities/" + COMMUNITY).then()
                .statusCode(401);
    }

    private static ValidatableResponse edit(String token, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/taxonomy/communities/" + code)
                .then();
    }
}
