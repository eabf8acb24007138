package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of delivery states: allowed exactly where the table says. */
class DeliveryStateTest {

    private static final Set<String> ALLOWED = Set.of(
            "PENDING>SENDING", "PENDING>SKIPPED", "PENDING>CANCELLED",
            "SENDING>SENT", "SENDING>FAILED", "SENDING>DEAD", "SENDING>SKIPPED", "SENDING>PENDING",
            "FAILED>SENDING", "FAILED>CANCELLED",
            "DEAD>PENDING");

    static Stream<Arguments> everyPair() {
        return Stream.of(DeliveryState.values())
                .flatMap(from -> Stream.of(DeliveryState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void movesOnlyAsTheTableSays(DeliveryState from, DeliveryState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
    }
}
