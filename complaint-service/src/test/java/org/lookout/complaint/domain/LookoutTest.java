package org.lookout.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lookout.problem.ProblemException;

/** A lookout's appointment and what its account still needs, as plain JUnit. */
class LookoutTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 3, 2);

    @Test
    void anAppointmentWaitsForItsAccountUntilTheRoleIsGiven() {
        Lookout lookout = appointed();
        assertThat(lookout.active).isTrue();
        assertThat(lookout.accountState).isEqualTo(AccountState.PENDING_GRANT);
        assertThat(lookout.accountNextAttemptAt).isEqualTo(NOW);

        lookout.accountUnreachable(NOW.plusSeconds(30));
        assertThat(lookout.accountState).isEqualTo(AccountState.PENDING_GRANT);
        assertThat(lookout.accountAttempts).isEqualTo(1);
        lookout.accountRefused("do it by hand", NOW.plusSeconds(60));
        assertThat(lookout.accountState).isEqualTo(AccountState.NEEDS_ADMINISTRATOR);
        assertThat(lookout.accountChange).isEqualTo("do it by hand");
        lookout.accountGranted("ref-1");
        assertThat(lookout.accountState).isEqualTo(AccountState.GRANTED);
        assertThat(lookout.accountChange).isNull();
        assertThat(lookout.accountAttempts).isZero();
        assertThat(lookout.accountNextAttemptAt).isNull();
        assertThat(lookout.reporterRef).isEqualTo("ref-1");
    }

    @Test
    void aRetiredLookoutsAccountLosesTheRoleAndTheAppointmentStaysRetired() {
        Lookout lookout = appointed();
        lookout.accountGranted("ref-1");
        lookout.retire(ON.plusDays(10), NOW.plusSeconds(5));
        assertThat(lookout.active).isFalse();
        assertThat(lookout.accountState).isEqualTo(AccountState.PENDING_REVOKE);
        // a grant that finishes after the retirement does not undo it
        lookout.accountGranted("ref-1");
        assertThat(lookout.accountState).isEqualTo(AccountState.PENDING_REVOKE);
        lookout.accountRevoked("ref-1");
        assertThat(lookout.accountState).isEqualTo(AccountState.REVOKED);

        assertThatThrownBy(() -> lookout.retire(ON.plusDays(11), NOW)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> lookout.edit("x", LookoutKind.CLEANER, List.of())).isInstanceOf(ProblemException.class);
        Lookout early = appointed();
        assertThatThrownBy(() -> early.retire(ON.minusDays(1), NOW))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.errors())
                        .extracting("field").containsExactly("retiredOn"));
    }

    @Test
    void aRetiredLookoutWhoseAccountWasNeverFoundHasNothingToTakeBack() {
        Lookout lookout = appointed();
        lookout.retire(ON, NOW);
        lookout.accountNotFound(NOW.plusSeconds(30));
        assertThat(lookout.accountState).isEqualTo(AccountState.REVOKED);
        assertThat(lookout.accountNextAttemptAt).isNull();
    }

    @Test
    void retriesBackOffDoublingUpToTheMaximum() {
        Duration min = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(Lookout.backOff(0, min, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Lookout.backOff(1, min, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Lookout.backOff(6, min, max)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Lookout.backOff(7, min, max)).isEqualTo(max);
        assertThat(Lookout.backOff(1000, min, max)).isEqualTo(max);
    }

    private static Lookout appointed() {
        return Lookout.appoint("DCY", "wang", "王", LookoutKind.BUILDING_HEAD, List.of("1"), ON, NOW);
    }
}
