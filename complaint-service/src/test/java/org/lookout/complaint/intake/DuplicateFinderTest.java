package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void haversineDistanceOnWgs84() {
        // Tiananmen (39.9087, 116.3975) to the Forbidden City's Meridian Gate (39.9139, 116.3970): about 580 m
        assertThat(DuplicateFinder.distanceMetres(39.9087, 116.3975, 39.9139, 116.3970))
                .isCloseTo(580, within(5.0));
        assertThat(DuplicateFinder.distanceMetres(39.9, 116.4, 39.9, 116.4)).isZero();
        assertThat(DuplicateFinder.distanceMetres(39.9, 116.4, null, null)).isNull();
    }

    @Test
    void buildingsCompareWithoutCaseAndSpaces() {
        assertThat(DuplicateFinder.sameBuilding("Block 3-2", " block3-2 ")).isTrue();
        assertThat(DuplicateFinder.sameBuilding("3号楼", "3 号楼")).isTrue();
        assertThat(DuplicateFinder.sameBuilding("Block 3", "Block 4")).isFalse();
        assertThat(DuplicateFinder.sameBuilding(null, null)).as("unknown is not the same").isFalse();
        assertThat(DuplicateFinder.sameBuilding(" ", "")).isFalse();
    }
}
