package org.lookout.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.ComplaintStatusChanged;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.ClockKind;
import org.lookout.escalation.domain.DaySource;
import org.lookout.escalation.domain.ItemPolicy;
import org.lookout.escalation.domain.ItemPolicyChange;
import org.lookout.escalation.repository.ItemPolicyChangeRepository;
import org.lookout.escalation.repository.ItemPolicyRepository;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Which clocks a report runs and for how many working days: the response clock on receipt (configured, 1 working day),
 * the resolution clock on acceptance (the item's policy in {@code sla_policy}, seeded from the taxonomy defaults and
 * editable by admin). A policy is read when a clock starts, so a change applies to clocks started afterwards only.
 */
@ApplicationScoped
public class SlaPolicy {

    /** A clock to start: its kind and its length in working days. */
    public record ClockSpec(ClockKind kind, int workingDays) {
    }

    private final EscalationConfig config;
    private final ItemPolicyRepository policies;
    private final ItemPolicyChangeRepository changes;
    private final Clock clock;

    SlaPolicy(EscalationConfig config, ItemPolicyRepository policies, ItemPolicyChangeRepository changes, Clock clock) {
        this.config = config;
        this.policies = policies;
        this.changes = changes;
        this.clock = clock;
    }

    public List<ClockSpec> onSubmitted(ComplaintSubmitted submitted) {
        return List.of(new ClockSpec(ClockKind.RESPONSE, config.responseWorkingDays()));
    }

    /**
     * The resolution clock of an accepted report, from its item's policy; empty when the item has none. Runs in the
     * caller's session (the consumer's transaction).
     */
    public Uni<Optional<ClockSpec>> onAccepted(ComplaintStatusChanged accepted) {
        return policies.findById(accepted.itemCode()).map(policy -> Optional.ofNullable(policy)
                .map(found -> new ClockSpec(ClockKind.RESOLUTION, found.resolutionWorkingDays)));
    }

    /** Every item's policy, by item code. */
    @WithSession
    public Uni<List<ItemPolicy>> all() {
        return policies.all();
    }

    /**
     * Sets an item's resolution target (source ADMIN), audited; 404 for an item without a policy. Running clocks keep
     * their deadline.
     */
    public Uni<ItemPolicy> update(String itemCode, int resolutionWorkingDays, String reason, String actor) {
        if (resolutionWorkingDays < 1 || resolutionWorkingDays > config.maxWorkingDays()) {
            throw ProblemException.badRequest("resolutionWorkingDays",
                    "must be between 1 and " + config.maxWorkingDays());
        }
        Instant now = clock.instant();
        return Panache.withTransaction(() -> policies.forUpdate(itemCode).chain(stored -> {
            if (stored == null) {
                throw ProblemException.notFound("SLA policy of item " + itemCode);
            }
            ItemPolicyChange change = new ItemPolicyChange();
            change.id = UUID.randomUUID();
            change.at = now;
            change.actor = actor;
            change.itemCode = itemCode;
            change.oldDays = stored.resolutionWorkingDays;
            change.newDays = resolutionWorkingDays;
            change.reason = reason;
            stored.resolutionWorkingDays = resolutionWorkingDays;
            stored.source = DaySource.ADMIN;
            stored.updatedAt = now;
            return changes.persist(change).replaceWith(stored);
        }));
    }
}
