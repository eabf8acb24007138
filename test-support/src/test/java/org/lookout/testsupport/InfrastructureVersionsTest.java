package org.lookout.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maven filled in the root pom's versions (a placeholder left unfilled would name no image). */
class InfrastructureVersionsTest {

    @Test
    void theContainerImagesFollowTheRootPomsVersions() {
        assertThat(InfrastructureVersions.kafkaImage()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(InfrastructureVersions.postgresImage()).matches("postgres:\\d+-alpine");
    }
}
