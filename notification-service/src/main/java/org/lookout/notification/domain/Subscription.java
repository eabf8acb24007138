package org.lookout.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
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
 * A webhook endpoint of an agency or of the mobile app's backend, signed by Standard Webhooks 1.0. The secret is kept
 * encrypted; after a rotation the previous one signs too until {@code previousValidUntil}. It owns its transitions
 * ({@link SubscriptionState}).
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    public enum OwnerKind {
        AGENCY, APP_BACKEND
    }

    public enum Source {
        API, DIRECTORY
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public OwnerKind ownerKind;

    @Column(nullable = false)
    public String owner;

    /** Where the owner is told about the subscription (disabled): an inbox address. */
    @Column(name = "owner_ref", nullable = false)
    public String ownerRef;

    @Column(nullable = false)
    public String url;

    /** Comma-separated notification kinds; empty: all the owner receives. */
    @Column(nullable = false)
    public String kinds;

    /** The current secret, encrypted. */
    @Column(nullable = false)
    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_valid_until")
    public Instant previousValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "owner_told_at")
    public Instant ownerToldAt;

    @Version
    public int version;

    public Set<String> kindSet() {
        Set<String> set = new LinkedHashSet<>();
        if (kinds != null) {
            Arrays.stream(kinds.split(",")).map(String::strip).filter(kind -> !kind.isEmpty()).forEach(set::add);
        }
        return set;
    }

    /** Whether a notification of {@code kind} goes to this endpoint now (a paused one collects them for later). */
    public boolean wants(String kind) {
        return state != SubscriptionState.DISABLED && (kindSet().isEmpty() || kindSet().contains(kind));
    }

    public void pause() {
        move(SubscriptionState.Action.PAUSE);
    }

    /** Resumes a paused or disabled subscription; its failure record starts afresh. */
    public void resume() {
        move(SubscriptionState.Action.RESUME);
        failingSince = null;
        disabledAt = null;
        disabledReason = null;
        ownerToldAt = null;
    }

    /** Disabled (its owner is told once, by the health job). */
    public void disable(String reason, Instant at) {
        move(SubscriptionState.Action.DISABLE);
        disabledAt = at;
        disabledReason = reason;
    }

    public void ownerTold(Instant at) {
        ownerToldAt = at;
    }

    /** A new secret; the old one keeps signing for {@code overlap}. */
    public void rotate(byte[] newSecret, Instant at, Duration overlap) {
        previousSecret = secret;
        previousValidUntil = at.plus(overlap);
        secret = newSecret;
    }

    public void delivered(Instant at) {
        lastSuccessAt = at;
        failingSince = null;
    }

    public void failed(Instant at) {
        if (failingSince == null) {
            failingSince = at;
        }
    }

    /** Whether it has failed without a success for longer than {@code limit}. */
    public boolean failingLongerThan(Duration limit, Instant now) {
        return state == SubscriptionState.ACTIVE && failingSince != null && failingSince.plus(limit).isBefore(now);
    }

    private void move(SubscriptionState.Action action) {
        SubscriptionState next = state.after(action);
        if (next == null) {
            throw ProblemException.illegalTransition(state, action.name().toLowerCase(java.util.Locale.ROOT), state.next());
        }
        state = next;
    }
}
