package org.lookout.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.problem.ProblemException;

/** Every state × every action of a subscription, and what the aggregate does with them. */
class SubscriptionStateTest {

    private static final Map<String, SubscriptionState> EXPECTED = Map.of(
            "ACTIVE PAUSE", SubscriptionState.PAUSED,
            "ACTIVE DISABLE", SubscriptionState.DISABLED,
            "PAUSED RESUME", SubscriptionState.ACTIVE,
            "PAUSED DISABLE", SubscriptionState.DISABLED,
            "DISABLED RESUME", SubscriptionState.ACTIVE);

    static Stream<Arguments> everyPair() {
        return Stream.of(SubscriptionState.values()).flatMap(state -> Stream.of(SubscriptionState.Action.values())
                .map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPair")
    void movesOnlyAsTheTableSays(SubscriptionState state, SubscriptionState.Action action) {
        assertThat(state.after(action)).isEqualTo(EXPECTED.get(state + " " + action));
    }

    @Test
    void aRefusedMoveIsAnIllegalTransitionNamingWhatIsAllowed() {
        Subscription subscription = subscription(SubscriptionState.ACTIVE);

        assertThatThrownBy(subscription::resume).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409))
                .hasMessageContaining("ACTIVE cannot resume");
    }

    @Test
    void resumingADisabledSubscriptionStartsItsRecordAfresh() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        Subscription subscription = subscription(SubscriptionState.ACTIVE);
        subscription.failed(now.minus(Duration.ofDays(4)));
        assertThat(subscription.failingLongerThan(Duration.ofDays(3), now)).isTrue();
        subscription.disable("failing", now);

        subscription.resume();

        assertThat(subscription.state).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(subscription.failingSince).isNull();
        assertThat(subscription.disabledReason).isNull();
        assertThat(subscription.failingLongerThan(Duration.ofDays(3), now)).isFalse();
    }

    @Test
    void aRotationKeepsThePreviousSecretForTheOverlap() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        Subscription subscription = subscription(SubscriptionState.ACTIVE);
        byte[] old = subscription.secret;

        subscription.rotate(new byte[] { 9 }, now, Duration.ofHours(24));

        assertThat(subscription.previousSecret).isEqualTo(old);
        assertThat(subscription.previousValidUntil).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(subscription.secret).containsExactly(9);
    }

    @Test
    void wantsTheKindsItNamesOrAllAndNothingWhenDisabled() {
        Subscription all = subscription(SubscriptionState.ACTIVE);
        Subscription some = subscription(SubscriptionState.PAUSED);
        some.kinds = "ESCALATION_OPENED, ESCALATION_DUE_SOON";

        assertThat(all.wants("REPORT_RESOLVED")).isTrue();
        assertThat(some.wants("ESCALATION_DUE_SOON")).isTrue();
        assertThat(some.wants("REPORT_RESOLVED")).isFalse();
        all.disable("x", Instant.now());
        assertThat(all.wants("REPORT_RESOLVED")).isFalse();
    }

    private static Subscription subscription(SubscriptionState state) {
        Subscription subscription = new Subscription();
        subscription.state = state;
        subscription.kinds = "";
        subscription.secret = new byte[] { 1, 2, 3 };
        return subscription;
    }
}
