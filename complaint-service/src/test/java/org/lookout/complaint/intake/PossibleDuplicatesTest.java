package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.ComplaintTestSupport.command;
import static org.lookout.complaint.ComplaintTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lookout.complaint.config.MovableClock;
import org.lookout.testsupport.RealInfrastructure;
import org.lookout.testsupport.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "complaint"))
@WithTestResource(OidcWiremockTestResource.class)
class PossibleDuplicatesTest {

    private static final String COMMUNITY = "QNJ";
    private static final String ITEM = "sanitation";
    private static final double LAT = 39.9000;
    private static final double LON = 116.4000;
    /** Metres per degree of latitude on the WGS84 mean radius. */
    private static final double METRES_PER_DEGREE = 111_195.08;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void openReportsOfTheSameItemNearbyOrInTheSameBuildingAreShownWithoutTheirText() {
        String resident = Tokens.resident("dup-filer", COMMUNITY);
        clock.set(Instant.now().minus(Duration.ofDays(15)));
        String fifteenDaysOld = trackingNumber(submit(resident, report(ITEM, "Block 9", LAT, LON)));
        clock.reset();
        String at30m = trackingNumber(submit(resident, report(ITEM, "Block 1", LAT + 30 / METRES_PER_DEGREE, LON)));
        String at80m = trackingNumber(submit(resident, report(ITEM, "Block 2", LAT + 80 / METRES_PER_DEGREE, LON)));
        String sameBuildingNoCoordinates = trackingNumber(submit(resident, report(ITEM, "  BLOCK 9 ", null, null)));
        String otherBuildingFar = trackingNumber(submit(resident, report(ITEM, "Block 5", LAT + 0.01, LON)));
        String otherItem = trackingNumber(submit(resident, report("noise", "Block 9", LAT, LON)));
        String closed = closedUnresolvable(submit(resident, report(ITEM, "Block 9", LAT, LON)));
        String rejected = rejected(submit(resident, report(ITEM, "Block 9", LAT, LON)));

        List<Map<String, Object>> duplicates = submit(resident, report(ITEM, "block9", LAT, LON)).statusCode(201)
                .extract().path("possibleDuplicates");

        assertThat(duplicates).extracting(duplicate -> duplicate.get("trackingNumber"))
                .contains(at30m, sameBuildingNoCoordinates)
                .doesNotContain(at80m, otherBuildingFar, otherItem, closed, rejected, fifteenDaysOld);
        Map<String, Object> near = duplicates.stream().filter(d -> at30m.equals(d.get("trackingNumber"))).findFirst()
                .orElseThrow();
        assertThat(((Number) near.get("distanceMetres")).intValue()).isBetween(29, 31);
        assertThat(near).containsOnlyKeys("trackingNumber", "status", "receivedAt", "distanceMetres")
                .containsEntry("status", "RECEIVED");
        Map<String, Object> building = duplicates.stream()
                .filter(d -> sameBuildingNoCoordinates.equals(d.get("trackingNumber"))).findFirst().orElseThrow();
        assertThat(building.get("distanceMetres")).as("unknown without coordinates").isNull();
    }

    @Test
    void atMostTheTenNewestAreShownHoweverManyThereAre() {
        String resident = Tokens.resident("dup-many", COMMUNITY);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            filed.add(trackingNumber(submit(resident, report("greening-cityscape", "Block 12", null, null))));
        }

        List<Map<String, Object>> duplicates = submit(resident, report("greening-cityscape", "Block 12", null, null))
                .statusCode(201).extract().path("possibleDuplicates");

        assertThat(duplicates).extracting(duplicate -> duplicate.get("trackingNumber"))
                .containsExactlyElementsOf(filed.reversed().subList(0, 10));
    }

    @Test
    void withoutABuildingTheCoordinatesAloneFindThemAndWithoutEitherNothingIsCompared() {
        String resident = Tokens.resident("dup-no-building", COMMUNITY);
        String near = trackingNumber(submit(resident, report("roads-facilities", "Block 4", LAT + 20 / METRES_PER_DEGREE, LON)));
        String sameBlockElsewhere = trackingNumber(submit(resident, report("roads-facilities", "Block 4", LAT + 0.01, LON)));

        List<Map<String, Object>> byCoordinates = submit(resident, report("roads-facilities", "", LAT, LON)).statusCode(201)
                .extract().path("possibleDuplicates");
        List<Object> byNothing = submit(resident, report("roads-facilities", "", null, null)).statusCode(201)
                .extract().path("possibleDuplicates");

        assertThat(byCoordinates).extracting(duplicate -> duplicate.get("trackingNumber"))
                .contains(near).doesNotContain(sameBlockElsewhere);
        assertThat(byNothing).isEmpty();
    }

    @Test
    void aReportWithNothingAlikeHasNoPossibleDuplicates() {
        submit(Tokens.resident(COMMUNITY), report("markets", "Market hall", 39.80, 116.30)).statusCode(201)
                .extract().path("possibleDuplicates");

        List<Object> duplicates = submit(Tokens.resident(COMMUNITY), report("markets", "Hall B", 39.70, 116.20))
                .statusCode(201).extract().path("possibleDuplicates");

        assertThat(duplicates).isEmpty();
    }

    @Test
    void confidentialReportsNeverShowOthers() {
        String resident = Tokens.resident(COMMUNITY);
        submit(resident, report("cadre-conduct", "Block 9", LAT, LON)).statusCode(201);

        List<Object> duplicates = submit(resident, report("cadre-conduct", "Block 9", LAT, LON)).statusCode(201)
                .extract().path("possibleDuplicates");

        assertThat(duplicates).isEmpty();
    }

    private static String closedUnresolvable(ValidatableResponse submitted) {
        String id = submitted.statusCode(201).extract().path("id");
        String staff = Tokens.staff(COMMUNITY);
        command(staff, id, "accept", "{}").statusCode(200);
        command(staff, id, "respond", "{\"kind\":\"FIRST_CONTACT\",\"respondedAt\":\"" + Instant.now() + "\"}")
                .statusCode(200);
        return command(staff, id, "close", "{\"resolvable\":false}").statusCode(200).extract().path("trackingNumber");
    }

    private static String rejected(ValidatableResponse submitted) {
        String id = submitted.statusCode(201).extract().path("id");
        return command(Tokens.staff(COMMUNITY), id, "reject", "{\"reason\":\"OUT_OF_SCOPE\"}").statusCode(200)
                .extract().path("trackingNumber");
    }

    private static String trackingNumber(ValidatableResponse submitted) {
        return submitted.statusCode(201).extract().path("trackingNumber");
    }

    static String report(String item, String building, Double latitude, Double longitude) {
        String coordinates = latitude == null ? "" : ",\"latitude\":%s,\"longitude\":%s".formatted(latitude, longitude);
        return """
                {"itemCode":"%s","title":"Rubbish piling up","description":"Bins not emptied for a week",
                 "communityCode":"%s","location":{"address":"青年街 9号","building":"%s"%s},
                 "channel":"APP","anonymous":false}
                """.formatted(item, COMMUNITY, building, coordinates);
    }
}
