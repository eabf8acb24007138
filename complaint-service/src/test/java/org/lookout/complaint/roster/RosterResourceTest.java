package org.lookout.complaint.roster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.report;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.ComplaintDatabase;
import org.lookout.security.Roles;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The lookout roster with the Keycloak admin API stubbed on the WireMock server that stands in for Keycloak in every
 * test of this service: appointing gives the account the lookout role and the community (through the real admin client,
 * over HTTP), retiring takes the role back; a refusal yields the exact change for an administrator, an outage waits.
 * Activity comes from the reports the lookout filed, uncovered buildings from the registered ones.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class RosterResourceTest {

    private static final String COMMUNITY = "DCN";
    private static final String STAFF = Tokens.staff(COMMUNITY);
    private static final String ADMIN_API = "/auth/admin/realms/quarkus/users";

    @OidcWireMock
    WireMockServer keycloak;

    @Inject
    AccountSync accountSync;

    @BeforeEach
    void keycloakHandsOutAdminTokens() {
        keycloak.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"roster-admin-token\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_expires_in\":0}")));
    }

    @Test
    void anAppointedLookoutGetsTheRoleAndCommunityAndTheirReportsCountAsTheirActivity() {
        String marker = marker();
        String username = "wang-" + marker;
        String userId = "kc-" + marker;
        user(username, userId, "{}");

        String id = appoint(username, "王楼长", "BUILDING_HEAD", "[\"1\",\"2\"]").statusCode(201)
                .body("account.state", org.hamcrest.Matchers.equalTo("PENDING_GRANT"))
                .body("active", org.hamcrest.Matchers.equalTo(true)).extract().path("id");
        settles(id, "GRANTED");

        keycloak.verify(putRequestedFor(urlPathEqualTo(ADMIN_API + "/" + userId))
                .withRequestBody(matchingJsonPath("$.attributes.community[0]", equalTo(COMMUNITY))));
        keycloak.verify(postRequestedFor(urlPathEqualTo(ADMIN_API + "/" + userId + "/role-mappings/realm"))
                .withRequestBody(matchingJsonPath("$[0].name", equalTo("lookout"))));

        // what the lookout files, as a lookout, is their activity; a confidential report is nobody's business here
        String lookout = Tokens.builder().subject(userId).roles(Roles.LOOKOUT).community(COMMUNITY).sign();
        String resolved = submit(lookout, report("corridor-lighting", COMMUNITY, "LOOKOUT")).statusCode(201).extract()
                .path("id");
        String accepted = submit(lookout, report("water", COMMUNITY, "LOOKOUT")).statusCode(201).extract().path("id");
        String rejected = submit(lookout, report("noise", COMMUNITY, "LOOKOUT")).statusCode(201).extract().path("id");
        submit(lookout, report("cadre-conduct", COMMUNITY, "APP")).statusCode(201);
        command(STAFF, resolved, "accept", "{}").statusCode(200);
        command(STAFF, resolved, "respond", "{\"kind\":\"ON_SITE_VISIT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        command(STAFF, resolved, "resolve", "{\"result\":\"fixed\"}").statusCode(200);
        command(STAFF, accepted, "accept", "{}").statusCode(200);
        command(STAFF, rejected, "reject", "{\"reason\":\"OUT_OF_SCOPE\"}").statusCode(200);

        given().auth().oauth2(STAFF).get("/api/lookouts/" + id).then().statusCode(200)
                .body("activity.filed", org.hamcrest.Matchers.equalTo(3))
                .body("activity.confirmed", org.hamcrest.Matchers.equalTo(2))
                .body("activity.resolved", org.hamcrest.Matchers.equalTo(1))
                .body("activity.filedThisMonth", org.hamcrest.Matchers.equalTo(3))
                .body("activity.resolvedThisMonth", org.hamcrest.Matchers.equalTo(1));
        List<String> listed = given().auth().oauth2(Tokens.supervisor("DCYJD")).queryParam("community", COMMUNITY)
                .queryParam("active", "true").get("/api/lookouts").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        assertThat(listed).contains(id);

        // the account is an active lookout once
        appoint(username, "王楼长", "CLEANER", "[]").statusCode(409);
    }

    @Test
    void buildingsNoActiveLookoutCoversAreListedAndARetiredLookoutLosesTheRole() {
        String marker = marker();
        String username = "li-" + marker;
        String userId = "kc-" + marker;
        user(username, userId, "{\"community\":[\"" + COMMUNITY + "\"]}");
        String id = appoint(username, "李保洁", "CLEANER", "[\"A-" + marker + "\"]").statusCode(201).extract()
                .path("id");
        settles(id, "GRANTED");
        keycloak.verify(0, putRequestedFor(urlPathEqualTo(ADMIN_API + "/" + userId)));

        List<String> registered = List.of("A-" + marker, "B-" + marker);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).queryParam("community", COMMUNITY)
                .body("{\"buildings\":[\"" + String.join("\",\"", registered) + "\"]}").put("/api/lookouts/buildings")
                .then().statusCode(200);
        assertThat(uncovered()).contains("B-" + marker).doesNotContain("A-" + marker);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}").post("/api/lookouts/" + id + "/retire")
                .then().statusCode(200).body("active", org.hamcrest.Matchers.equalTo(false))
                .body("account.state", org.hamcrest.Matchers.equalTo("PENDING_REVOKE"));
        settles(id, "REVOKED");
        keycloak.verify(deleteRequestedFor(urlPathEqualTo(ADMIN_API + "/" + userId + "/role-mappings/realm"))
                .withRequestBody(matchingJsonPath("$[0].name", equalTo("lookout"))));
        assertThat(uncovered()).contains("A-" + marker, "B-" + marker);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"李\",\"kind\":\"CLEANER\","
                + "\"buildings\":[]}").put("/api/lookouts/" + id).then().statusCode(409);
    }

    @Test
    void whenKeycloakRefusesTheExactChangeIsThereForAnAdministratorAndAnOutageOnlyDelays() {
        String marker = marker();
        String refused = "refused-" + marker;
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API)).withQueryParam("username", equalTo(refused))
                .willReturn(aResponse().withStatus(403)));
        String refusedId = appoint(refused, "张代表", "PEOPLES_CONGRESS_DEPUTY", "[]").statusCode(201).extract()
                .path("id");
        String elsewhere = "elsewhere-" + marker;
        user(elsewhere, "kc-elsewhere-" + marker, "{\"community\":[\"XHY\"]}");
        String elsewhereId = appoint(elsewhere, "赵代表", "RESIDENT_REPRESENTATIVE", "[]").statusCode(201).extract()
                .path("id");
        String unknown = "unknown-" + marker;
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API)).withQueryParam("username", equalTo(unknown))
                .willReturn(okJson("[]")));
        String unknownId = appoint(unknown, "钱", "CLEANER", "[]").statusCode(201).extract().path("id");
        String down = "down-" + marker;
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API)).withQueryParam("username", equalTo(down))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String downId = appoint(down, "孙", "CLEANER", "[]").statusCode(201).extract().path("id");

        settles(refusedId, "NEEDS_ADMINISTRATOR");
        String change = given().auth().oauth2(STAFF).get("/api/lookouts/" + refusedId).then()
                .body("account.attempts", org.hamcrest.Matchers.equalTo(1)).extract().path("account.change");
        assertThat(change).contains("kcadm.sh add-roles -r quarkus --uusername " + refused + " --rolename lookout")
                .contains("community = " + COMMUNITY).contains("403");
        settles(elsewhereId, "NEEDS_ADMINISTRATOR");
        assertThat((String) given().auth().oauth2(STAFF).get("/api/lookouts/" + elsewhereId).then().extract()
                .path("account.change")).contains("belongs to community XHY");
        settles(unknownId, "NO_SUCH_USER");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            accountSync.sync();
            return ComplaintDatabase.number("select account_attempts from lookout where id = ?::uuid", downId) > 0;
        });
        given().auth().oauth2(STAFF).get("/api/lookouts/" + downId).then()
                .body("account.state", org.hamcrest.Matchers.equalTo("PENDING_GRANT"))
                .body("account.nextAttemptAt", org.hamcrest.Matchers.notNullValue());
        // the appointments themselves stand: only the account change waits
        assertThat(ComplaintDatabase.number("select count(*) from lookout where id in (?::uuid, ?::uuid, ?::uuid,"
                + " ?::uuid) and active", refusedId, elsewhereId, unknownId, downId)).isEqualTo(4);
    }

    @Test
    void badAppointmentsAreRefusedNamingTheField() {
        appoint("bad name!", "x", "CLEANER", "[]").statusCode(400);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"username\":\"u-" + marker()
                + "\",\"name\":\"x\",\"kind\":\"MAYOR\",\"buildings\":[]}").post("/api/lookouts").then()
                .statusCode(400);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"username\":\"u-" + marker()
                + "\",\"name\":\"x\",\"kind\":\"CLEANER\",\"buildings\":[],\"appointedOn\":\"2999-01-01\"}")
                .post("/api/lookouts").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("appointedOn"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"username\":\"u-" + marker()
                + "\",\"name\":\"x\",\"kind\":\"CLEANER\",\"buildings\":[]}").post("/api/lookouts").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("communityCode"));
        given().auth().oauth2(STAFF).queryParam("active", "maybe").get("/api/lookouts").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("active"));
    }

    /** Runs the account job until the appointment's account reaches {@code state} (other tests' rows go first). */
    private void settles(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            accountSync.sync();
            return state.equals(given().auth().oauth2(Tokens.admin()).get("/api/lookouts/" + id).then()
                    .extract().path("account.state"));
        });
    }

    /** A Keycloak user: found by exact username, readable, updatable, the lookout role available and held. */
    private void user(String username, String id, String attributes) {
        String representation = "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"enabled\":true,"
                + "\"attributes\":" + attributes + "}";
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API)).withQueryParam("username", equalTo(username))
                .withQueryParam("exact", equalTo("true")).willReturn(okJson("[" + representation + "]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API + "/" + id)).willReturn(okJson(representation)));
        keycloak.stubFor(put(urlPathEqualTo(ADMIN_API + "/" + id)).willReturn(aResponse().withStatus(204)));
        String role = "[{\"id\":\"role-lookout\",\"name\":\"lookout\"}]";
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API + "/" + id + "/role-mappings/realm/available"))
                .willReturn(okJson(role)));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN_API + "/" + id + "/role-mappings/realm")).willReturn(okJson(role)));
        keycloak.stubFor(post(urlPathEqualTo(ADMIN_API + "/" + id + "/role-mappings/realm"))
                .willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathEqualTo(ADMIN_API + "/" + id + "/role-mappings/realm"))
                .willReturn(aResponse().withStatus(204)));
    }

    private static ValidatableResponse appoint(String username, String name, String kind, String buildings) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"username\":\"" + username
                + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"buildings\":" + buildings + "}")
                .post("/api/lookouts").then();
    }

    private static List<String> uncovered() {
        return given().auth().oauth2(STAFF).queryParam("community", COMMUNITY).get("/api/lookouts/buildings").then()
                .statusCode(200).extract().jsonPath().getList("uncovered", String.class);
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
