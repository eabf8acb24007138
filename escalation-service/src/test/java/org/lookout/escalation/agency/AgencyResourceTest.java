package org.lookout.escalation.agency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lookout.escalation.EscalationDatabase;
import org.lookout.escalation.EscalationTestResources;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The agency directory: read by staff, supervisors and admin; maintained by admin, audited. */
@QuarkusTest
@EscalationTestResources
class AgencyResourceTest {

    private static final String AGENCIES = "/api/agencies";
    private static final String AGENCY = "/api/agencies/{code}";
    private static final String PROBLEM = "application/problem+json";
    private static final String DEFAULT_ADMIN = "admin-1";
    /** A public address written as an address: the test needs no DNS. */
    private static final String PUBLIC_WEBHOOK = "https://93.184.215.14/lookout";

    @Test
    void theDemoDirectoryMatchesTheKeycloakClients() {
        for (String token : new String[] { Tokens.staff("DCY"), Tokens.supervisor("DCYJD"), Tokens.admin() }) {
            given().auth().oauth2(token)
                    .when().get(AGENCIES)
                    .then().statusCode(200)
                    .body("code", hasItems("police-dcy", "market-dcy", "psb-district", "discipline-district",
                            "civil-affairs", "housing", "urban-management", "street-office-dcyjd"));
        }
        given().auth().oauth2(Tokens.staff("DCY"))
                .when().get(AGENCY, "police-dcy")
                .then().statusCode(200)
                .body("kind", equalTo("POLICE_STATION"))
                .body("nameZh", equalTo("东朝阳路派出所"))
                .body("jurisdiction", equalTo("DCYJD"))
                .body("oidcClientId", equalTo("agency-police-dcy"))
                .body("webhookUrl", nullValue())
                .body("active", equalTo(true));
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, "housing")
                .then().statusCode(200).body("kind", equalTo("HOUSING")).body("oidcClientId", equalTo("agency-housing"));
        // the street office is worked by the street's supervisors: no client of its own
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, "street-office-dcyjd")
                .then().statusCode(200).body("kind", equalTo("STREET_OFFICE")).body("oidcClientId", nullValue());
    }

    /** Issue 13: every active agency acts through its own client; a street office never (its supervisors act). */
    @ParameterizedTest(name = "{0}, client {1}, active {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "STREET_OFFICE | agency-street-test | true  | 422",
            "STREET_OFFICE | agency-street-test | false | 422",
            "STREET_OFFICE | NULL               | true  | 201",
            "HOUSING       | NULL               | true  | 422",
            "HOUSING       | NULL               | false | 201",
            "HOUSING       | CLIENT             | true  | 201",
    })
    void whoActsForAnEntryIsItsClientOrForAStreetOfficeItsSupervisors(String kind, String client, boolean active,
            int status) {
        String code = "acts-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> entry = entry(code);
        entry.put("kind", kind);
        entry.put("oidcClientId", "CLIENT".equals(client) ? "agency-" + code : client);
        entry.put("active", active);

        var answer = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, code).then().statusCode(status);
        if (status == 422) {
            answer.contentType(PROBLEM).body("errors[0].field", equalTo("oidcClientId"));
            given().auth().oauth2(Tokens.admin()).when().get(AGENCY, code).then().statusCode(404);
        }
    }

    @Test
    void anUnknownAgencyIs404() {
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, "nobody")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdministratorCreatesAndChangesAnEntryAndEachChangeIsAudited() {
        String code = "fire-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> entry = entry(code);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, code)
                .then().statusCode(201)
                .body("code", equalTo(code))
                .body("kind", equalTo("URBAN_MANAGEMENT"))
                .body("active", equalTo(true));

        entry.put("webhookUrl", PUBLIC_WEBHOOK);
        entry.put("active", false);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, code)
                .then().statusCode(200)
                .body("webhookUrl", equalTo(PUBLIC_WEBHOOK))
                .body("active", equalTo(false));

        // the webhook URL is the admin's business only (issue 17's probe: staff read every agency's)
        given().auth().oauth2(Tokens.supervisor("DCYJD")).when().get(AGENCY, code)
                .then().statusCode(200).body("active", equalTo(false)).body("$", not(hasKey("webhookUrl")));
        given().auth().oauth2(Tokens.staff("DCY")).when().get(AGENCY, code)
                .then().statusCode(200).body("$", not(hasKey("webhookUrl")));
        given().auth().oauth2(Tokens.staff("DCY")).when().get("/api/agencies")
                .then().statusCode(200).body("find { it.code == '" + code + "' }", not(hasKey("webhookUrl")));
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, code)
                .then().statusCode(200).body("webhookUrl", equalTo(PUBLIC_WEBHOOK));
        assertThat(EscalationDatabase.number("select count(*) from agency_audit where agency_code = ? and actor = ?"
                + " and old_value is null", code, DEFAULT_ADMIN)).isEqualTo(1);
        assertThat(EscalationDatabase.number("select count(*) from agency_audit where agency_code = ?"
                + " and old_value like '%\"active\":true%' and new_value like '%\"active\":false%'", code)).isEqualTo(1);
    }

    /** Issue 12: what the directory stored before; each would have had notification-service call inside the network. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "http://127.0.0.1:15432/", "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://2130706433/", "https://[::1]:8083/api/agencies", "https://127.0.0.1.nip.io/",
            "https://hooks.example.org:99999/", "http://localhost/hook", "https://10.1.2.3/hook", "https://0x7f000001/",
            "https://[::ffff:127.0.0.1]/", "https://[fd00::1]/", "https://metadata.google.internal/" })
    void aWebhookThatReachesInsideTheNetworkIsRefused(String url) {
        String code = "unsafe-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> entry = entry(code);
        entry.put("webhookUrl", url);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, code)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("webhookUrl"));
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, code).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "kind | POLICE | kind",
            "kind | NULL | kind",
            "nameZh | ' ' | nameZh",
            "nameEn | NULL | nameEn",
            "jurisdiction | dcyjd | jurisdiction",
            "oidcClientId | 'agency police' | oidcClientId",
            "webhookUrl | http://hooks.example.org/lookout | webhookUrl",
            "webhookUrl | ftp://hooks.example.org/lookout | webhookUrl",
            "webhookUrl | not a url | webhookUrl",
            "webhookUrl | https://user:pw@hooks.example.org/ | webhookUrl",
    })
    void badInputIs400NamingTheField(String field, String value, String named) {
        Map<String, Object> entry = entry("police-dcy");
        entry.put(field, value);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, "police-dcy")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo(named));
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, "police-dcy")
                .then().body("kind", equalTo("POLICE_STATION"));
    }

    @Test
    void aBadCodeIs400NamingIt() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry("police-dcy"))
                .when().put(AGENCY, "Police DCY")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("code"));
    }

    @Test
    void aClientThatActsForAnotherAgencyIs409() {
        Map<String, Object> entry = entry("impostor");
        entry.put("oidcClientId", "agency-police-dcy");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(entry)
                .when().put(AGENCY, "impostor-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get(AGENCIES).then().statusCode(401).contentType(PROBLEM);
        given().when().get(AGENCY, "police-dcy").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(entry("police-dcy")).when().put(AGENCY, "police-dcy")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void residentsLookoutsInspectorsAndAgenciesMayNotReadTheDirectory() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.inspector(),
                Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).when().get(AGENCIES).then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token).when().get(AGENCY, "police-dcy").then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void everyRoleButAdminIsRefusedTheChange() {
        for (String token : new String[] { Tokens.resident("DCY"), Tokens.lookout("DCY"), Tokens.staff("DCY"),
                Tokens.supervisor("DCYJD"), Tokens.inspector(), Tokens.agency("police-dcy") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(entry("police-dcy"))
                    .when().put(AGENCY, "police-dcy")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(Tokens.admin()).when().get(AGENCY, "police-dcy")
                .then().body("kind", equalTo("POLICE_STATION"));
    }

    /**
     * An active agency acting through its own client, in a jurisdiction no other test escalates to (so the entries
     * tests create never become the agency a report of the demo street escalates to).
     */
    private static Map<String, Object> entry(String code) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("kind", "URBAN_MANAGEMENT");
        entry.put("nameZh", "东朝阳路消防救援站");
        entry.put("nameEn", "Dongchaoyang Road Fire Station");
        entry.put("jurisdiction", "FIREJD");
        entry.put("oidcClientId", "agency-" + code);
        return entry;
    }
}
