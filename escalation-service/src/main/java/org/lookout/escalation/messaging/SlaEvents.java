package org.lookout.escalation.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.CloudEvent;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.Topics;
import org.lookout.escalation.config.EscalationConfig;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The SLA events of this service, written to the outbox inside the caller's transaction, keyed by report id.
 * <p>
 * The types and payloads are proposed in {@code contracts-proposal/} and are not yet part of event-contracts; once the
 * lead adds them there, these records and type names are replaced by {@code EventType.SLA_WARNING} / {@code SLA_BREACHED}.
 */
@ApplicationScoped
public class SlaEvents {

    public static final String SLA_WARNING = "lookout.escalation.sla-warning.v1";
    public static final String SLA_BREACHED = "lookout.escalation.sla-breached.v1";

    /** {@code lookout.escalation.sla-warning.v1}: 75 % of a clock's working time has passed. */
    public record SlaWarning(UUID reportId, String clockKind, String communityCode, String streetCode, String itemCode,
            boolean confidential, int workingDays, Instant startedAt, Instant dueAt, boolean provisional, Instant warnedAt) {
    }

    /** {@code lookout.escalation.sla-breached.v1}: a clock ran out; the street supervisor takes it up. */
    public record SlaBreached(UUID reportId, String clockKind, String communityCode, String streetCode, String itemCode,
            boolean confidential, int workingDays, Instant startedAt, Instant dueAt, boolean provisional,
            Instant breachedAt) {
    }

    private final Outbox outbox;
    private final EscalationConfig config;

    SlaEvents(Outbox outbox, EscalationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> warning(SlaClock clock, String streetCode) {
        return publish(clock, SLA_WARNING, clock.warnedAt, new SlaWarning(clock.reportId, clock.kind.name(),
                clock.communityCode, streetCode, clock.itemCode, clock.confidential, clock.workingDays, clock.startedAt,
                clock.dueAt, clock.provisional, clock.warnedAt));
    }

    public Uni<Void> breached(SlaClock clock, String streetCode) {
        return publish(clock, SLA_BREACHED, clock.breachedAt, new SlaBreached(clock.reportId, clock.kind.name(),
                clock.communityCode, streetCode, clock.itemCode, clock.confidential, clock.workingDays, clock.startedAt,
                clock.dueAt, clock.provisional, clock.breachedAt));
    }

    private Uni<Void> publish(SlaClock clock, String type, Instant at, Object payload) {
        String key = clock.reportId.toString();
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), config.eventSource(), type, key, at,
                EventJson.toTree(payload));
        return outbox.append(Topics.ESCALATION, key, event);
    }
}
