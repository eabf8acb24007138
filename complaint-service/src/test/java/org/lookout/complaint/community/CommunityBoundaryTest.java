package org.lookout.complaint.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lookout.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Boundaries as GeoJSON: which points they hold, and which polygons are refused (naming the field). */
class CommunityBoundaryTest {

    private static final String DCY = "{\"type\":\"Polygon\",\"coordinates\":[[[116.5080,39.9150],[116.5120,39.9145],"
            + "[116.5161,39.9150],[116.5158,39.9218],[116.5082,39.9220],[116.5080,39.9150]]]}";

    @Test
    void aPolygonHoldsWhatIsInsideAndOnItsEdge() {
        CommunityBoundary dcy = CommunityBoundary.parse(DCY);
        assertThat(dcy.holds(39.9185, 116.5120)).isTrue();
        assertThat(dcy.holds(39.92, 116.51)).isTrue();
        assertThat(dcy.holds(39.9150, 116.5080)).as("a corner").isTrue();
        assertThat(dcy.holds(39.9250, 116.5120)).as("north of it").isFalse();
        assertThat(dcy.holds(39.9148, 116.5090)).as("below the kinked south edge").isFalse();
    }

    @Test
    void aMultiPolygonHoldsWhatAnyOfItsPartsHolds() {
        CommunityBoundary two = CommunityBoundary.parse("{\"type\":\"MultiPolygon\",\"coordinates\":["
                + "[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]}");
        assertThat(two.holds(0.5, 0.5)).isTrue();
        assertThat(two.holds(5.5, 5.5)).isTrue();
        assertThat(two.holds(3, 3)).isFalse();
    }

    @Test
    void whatIsNoPolygonIsRefusedNamingTheField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertRefused(() -> CommunityBoundary.of("Point", json.readTree("[1,2]")), "type");
        assertRefused(() -> CommunityBoundary.of("Polygon", json.readTree("[[[0,0],[1,0],[1,1]]]")), "coordinates[0]");
        assertRefused(() -> CommunityBoundary.of("Polygon", json.readTree("[[[0,0],[1,0],[1,1],[0,1]]]")),
                "coordinates[0]");
        assertRefused(() -> CommunityBoundary.of("Polygon", json.readTree("[[[0,0],[200,0],[1,1],[0,0]]]")),
                "coordinates[0][1]");
        assertRefused(() -> CommunityBoundary.of("Polygon", json.readTree("[[[0,0],[1,1],[1,0],[0,1],[0,0]]]")),
                "coordinates");
        assertRefused(() -> CommunityBoundary.of("Polygon", json.readTree("\"nope\"")), "coordinates");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse, String field) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(ProblemException.class,
                refused -> assertThat(refused.errors().getFirst().field()).isEqualTo(field));
    }
}
