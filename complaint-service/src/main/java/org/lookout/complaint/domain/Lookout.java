package org.lookout.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.problem.ProblemException;

/**
 * A lookout of the community's roster (监督员队伍): appointed by staff, covering some buildings, retired some day. The
 * Keycloak account follows the appointment: {@link #accountState} says what remains to be done to it, and the account
 * job reports back through {@link #accountGranted}, {@link #accountRevoked}, {@link #accountRefused},
 * {@link #accountNotFound} and {@link #accountUnreachable}.
 */
@Entity
@Table(name = "lookout")
public class Lookout {

    @Id
    public UUID id;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    /** The Keycloak username of the account. */
    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LookoutKind kind;

    @Column(nullable = false)
    public String[] buildings;

    @Column(name = "appointed_on", nullable = false)
    public LocalDate appointedOn;

    @Column(name = "retired_on")
    public LocalDate retiredOn;

    @Column(nullable = false)
    public boolean active;

    /** The keyed pseudonym of the account, as reports store their filer; null until the account was found. */
    @Column(name = "reporter_ref")
    public String reporterRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_state", nullable = false)
    public AccountState accountState;

    /** What an administrator must change in Keycloak by hand, when Keycloak did not let this service do it. */
    @Column(name = "account_change", length = 2000)
    public String accountChange;

    @Column(name = "account_attempts", nullable = false)
    public int accountAttempts;

    @Column(name = "account_next_attempt_at")
    public Instant accountNextAttemptAt;

    @Version
    public int version;

    /** A new, active appointment; its account is to be given the role and community. */
    public static Lookout appoint(String community, String username, String name, LookoutKind kind,
            List<String> buildings, LocalDate on, Instant now) {
        Lookout lookout = new Lookout();
        lookout.id = UUID.randomUUID();
        lookout.communityCode = community;
        lookout.username = username;
        lookout.name = name;
        lookout.kind = kind;
        lookout.buildings = buildings.toArray(String[]::new);
        lookout.appointedOn = on;
        lookout.active = true;
        lookout.accountState = AccountState.PENDING_GRANT;
        lookout.accountNextAttemptAt = now;
        return lookout;
    }

    /** Kind, buildings and name of an active lookout (409 once retired). */
    public void edit(String name, LookoutKind kind, List<String> buildings) {
        requireActive("edited");
        this.name = name;
        this.kind = kind;
        this.buildings = buildings.toArray(String[]::new);
    }

    /** Retired on {@code on} (not before the appointment); the account's role is to be taken back. 409 when retired. */
    public void retire(LocalDate on, Instant now) {
        requireActive("retired");
        if (on.isBefore(appointedOn)) {
            throw ProblemException.unprocessable("retiredOn", "is before the appointment on " + appointedOn);
        }
        active = false;
        retiredOn = on;
        accountState = AccountState.PENDING_REVOKE;
        accountChange = null;
        accountAttempts = 0;
        accountNextAttemptAt = now;
    }

    /** What the account job has to do: give (active) or take back (retired). */
    public boolean grants() {
        return active;
    }

    public void accountGranted(String ref) {
        settle(active ? AccountState.GRANTED : accountState);
        reporterRef = ref;
    }

    public void accountRevoked(String ref) {
        settle(active ? accountState : AccountState.REVOKED);
        reporterRef = ref != null ? ref : reporterRef;
    }

    /** Keycloak does not let this service make the change: an administrator can, exactly so; tried again later. */
    public void accountRefused(String change, Instant retryAt) {
        retry(AccountState.NEEDS_ADMINISTRATOR, retryAt);
        accountChange = change;
    }

    /** No such user in the realm (yet): tried again later, for a user who registers after the appointment. */
    public void accountNotFound(Instant retryAt) {
        retry(active ? AccountState.NO_SUCH_USER : AccountState.REVOKED, retryAt);
    }

    /** Keycloak could not be reached: the change waits, it is not dropped. */
    public void accountUnreachable(Instant retryAt) {
        retry(accountState, retryAt);
    }

    /** The next try after {@code attempts} failed ones: {@code min} doubled each time, at most {@code max}. */
    public static Duration backOff(int attempts, Duration min, Duration max) {
        Duration delay = min.multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private void settle(AccountState state) {
        accountState = state;
        accountChange = null;
        accountAttempts = 0;
        accountNextAttemptAt = state.isSettled() ? null : accountNextAttemptAt;
    }

    private void retry(AccountState state, Instant retryAt) {
        accountState = state;
        accountAttempts++;
        accountNextAttemptAt = state.isSettled() ? null : retryAt;
    }

    private void requireActive(String what) {
        if (!active) {
            throw ProblemException.conflict("the lookout retired on " + retiredOn + " and is not " + what + " again;"
                    + " appoint them anew");
        }
    }
}
