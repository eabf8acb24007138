package org.lookout.cadre.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.Cadre;
import org.lookout.cadre.CadreTestResources;
import org.lookout.cadre.CommunityFixture;
import org.lookout.cadre.Letters;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventType;
import org.lookout.testsupport.ContractAssertions;

import io.quarkus.test.junit.QuarkusTest;

/** Registering officials: who may, what each sees, history, events, and the commitment letters still missing. */
@QuarkusTest
@CadreTestResources
class OfficialResourceTest {

    @Test
    void anInspectorRegistersAnActiveOfficialAnnouncedWithoutItsName() {
        String name = Cadre.newName();

        String id = Cadre.as(Cadre.inspector()).body(Cadre.form("DCY", name)).post("/api/cadres")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/cadres/"))
                .body("status", equalTo("ACTIVE")).body("source", equalTo("INSPECTOR"))
                .extract().path("id");

        CloudEvent event = Cadre.event(id, EventType.CADRE_OFFICIAL_REGISTERED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_OFFICIAL_REGISTERED, event.data());
        assertThat(event.data().path("communityCode").asText()).isEqualTo("DCY");
        assertThat(event.data().toString()).doesNotContain(name, "13800000000", "区发展和改革委员会");
    }

    @Test
    void staffRegisterPendingAnInspectorConfirmsAndTheHistoryKeepsBoth() {
        String id = Cadre.as(Cadre.staff()).body(Cadre.form("DCY", Cadre.newName())).post("/api/cadres")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");

        Cadre.as(Cadre.inspector()).body("{\"status\":\"ACTIVE\",\"reason\":\"核实无误\"}")
                .post("/api/cadres/" + id + "/status").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Cadre.as(Cadre.inspector()).body("{\"status\":\"PENDING\",\"reason\":\"x\"}")
                .post("/api/cadres/" + id + "/status").then().statusCode(409)
                .body("type", equalTo("urn:lookout:problem:illegal-transition")).body("from", equalTo("ACTIVE"));

        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/history").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("REGISTERED", "STATUS_CHANGED"))
                .body("[0].actorRole", equalTo("staff"))
                .body("[1].changes.status.from", equalTo("PENDING")).body("[1].changes.status.to", equalTo("ACTIVE"))
                .body("[1].changes.reason.to", equalTo("核实无误"));
        CloudEvent changed = Cadre.event(id, EventType.CADRE_OFFICIAL_CHANGED);
        ContractAssertions.assertMatchesGoldenSample(EventType.CADRE_OFFICIAL_CHANGED, changed.data());
        assertThat(changed.data().path("changedFields").toString()).isEqualTo("[\"status\"]");
    }

    @Test
    void theSameOfficialTwiceIsAConflictAndABadFormNamesTheField() {
        String name = Cadre.newName();
        Cadre.official("DCY", name);

        Cadre.as(Cadre.inspector()).body(Cadre.form("DCY", " " + name + " ")).post("/api/cadres")
                .then().statusCode(409).contentType(Cadre.PROBLEM);
        Cadre.as(Cadre.inspector()).body(Cadre.form("ZZZ", Cadre.newName())).post("/api/cadres")
                .then().statusCode(422).body("errors.field", hasItem("communityCode"));
        Cadre.as(Cadre.inspector()).body("{\"employer\":\"x\",\"post\":\"y\",\"communityCode\":\"DCY\","
                + "\"registeredOn\":\"2026-02-10\"}").post("/api/cadres")
                .then().statusCode(400).contentType(Cadre.PROBLEM).body("errors.field", hasItem("name"));
    }

    @Test
    void staffSeeOnlyNameAndPostOfTheirCommunityAndTheOtherStreetsInspectorNothing() {
        String id = Cadre.official();

        Map<String, Object> seen = Cadre.as(Cadre.staff()).get("/api/cadres/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(seen).containsOnlyKeys("id", "name", "post");
        Cadre.as(Cadre.staff()).get("/api/cadres").then().statusCode(200)
                .body("collect { it.keySet() }.flatten().unique()", org.hamcrest.Matchers.containsInAnyOrder("id",
                        "name", "post"));
        Cadre.as(Cadre.otherInspector()).get("/api/cadres/" + id).then().statusCode(404).contentType(Cadre.PROBLEM);
        Cadre.as(Cadre.otherInspector()).get("/api/cadres").then().statusCode(200).body("id", not(hasItem(id)));
        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id).then().statusCode(200)
                .body("phone", equalTo("13800000000")).body("building", equalTo("3-2"));
    }

    @Test
    void anEditChangesOnlyWhatItNamesAndMovingToAnotherStreetIsRefused() {
        String id = Cadre.official();

        Cadre.as(Cadre.inspector()).body("{\"post\":\"主任\",\"rank\":\"正处级\"}").put("/api/cadres/" + id)
                .then().statusCode(200).body("post", equalTo("主任")).body("employer", equalTo("区发展和改革委员会"));
        Cadre.as(Cadre.inspector()).body("{\"communityCode\":\"" + CommunityFixture.OTHER + "\"}").put("/api/cadres/" + id)
                .then().statusCode(422).body("errors.field", hasItem("communityCode"));

        Cadre.as(Cadre.inspector()).get("/api/cadres/" + id + "/history").then().statusCode(200)
                .body("[1].action", equalTo("EDITED")).body("[1].changes.post.from", equalTo("副主任"))
                .body("[1].changes.keySet()", org.hamcrest.Matchers.containsInAnyOrder("post", "rank"));
    }

    @Test
    void anOfficialWithoutACommitmentThirtyDaysAfterRegistrationIsListedUntilTheLetterIsFiled() {
        // in the other street's community, which the other tests leave nearly empty
        String inspector = Cadre.otherInspector();
        String late = Cadre.as(inspector).body(Cadre.form(CommunityFixture.OTHER, Cadre.newName())
                .replace(LocalDate.now().minusDays(3).toString(), LocalDate.now().minusDays(40).toString()))
                .post("/api/cadres").then().statusCode(201).extract().path("id");
        String recent = Cadre.official(CommunityFixture.OTHER, Cadre.newName());

        Cadre.as(inspector).get("/api/cadres?missingCommitment=true").then().statusCode(200)
                .body("id", hasItem(late)).body("id", not(hasItem(recent)))
                .body("find { it.id == '" + late + "' }.missingCommitment", equalTo(true));

        io.restassured.RestAssured.given().auth().oauth2(inspector)
                .multiPart("file", "letter.pdf", Letters.PDF, "application/pdf").multiPart("signedOn", "2026-02-10")
                .post("/api/cadres/" + late + "/commitment").then().statusCode(201);
        Cadre.as(inspector).get("/api/cadres?missingCommitment=true").then().statusCode(200)
                .body("id", not(hasItem(late)));
    }

    @Test
    void aPageBeyondTheLastOneAnyRegistryCouldHaveIsRefusedNamingIt() {
        // RobustnessIT found page=2147483647 answered 500: page × page-limit overflowed the first row's int
        Cadre.as(Cadre.inspector()).get("/api/cadres?page=2147483647").then().statusCode(400)
                .contentType(Cadre.PROBLEM).body("errors.field", hasItem("page"));
        Cadre.as(Cadre.inspector()).header("X-Access-Reason", "核查").get("/api/cadres/supervision?page=2147483647")
                .then().statusCode(400).contentType(Cadre.PROBLEM).body("errors.field", hasItem("page"));
        Cadre.as(Cadre.inspector()).get("/api/cadres?missingCommitment=true&page=" + CadreConfig.MAX_PAGE)
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
