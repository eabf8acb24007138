package org.lookout.escalation.messaging.outgoing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.contracts.EventType;
import org.lookout.contracts.ScheduleReason;
import org.lookout.contracts.SlaBreached;
import org.lookout.contracts.SlaScheduled;
import org.lookout.contracts.SlaWarned;
import org.lookout.escalation.domain.SlaClock;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * The SLA events of this service ({@link EventType#ESCALATION_SLA_SCHEDULED}, {@link EventType#ESCALATION_SLA_WARNED},
 * {@link EventType#ESCALATION_SLA_BREACHED}), written to the outbox inside the caller's transaction, keyed by report id.
 */
@ApplicationScoped
public class SlaEvents {

    private final Outbox outbox;

    SlaEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The clock has a (new) due time, since {@code at}: {@code reason} is started, restarted or resumed. */
    public Uni<Void> scheduled(SlaClock clock, String streetCode, ScheduleReason reason, Instant at) {
        return publish(clock, EventType.ESCALATION_SLA_SCHEDULED, at, new SlaScheduled(clock.reportId, clock.kind,
                clock.communityCode, streetCode, clock.itemCode, clock.confidential, clock.workingDays, clock.startedAt,
                clock.dueAt, clock.provisional, reason));
    }

    public Uni<Void> warning(SlaClock clock, String streetCode) {
        return publish(clock, EventType.ESCALATION_SLA_WARNED, clock.warnedAt, new SlaWarned(clock.reportId, clock.kind,
                clock.communityCode, streetCode, clock.itemCode, clock.confidential, clock.workingDays, clock.startedAt,
                clock.dueAt, clock.provisional, clock.warnedAt));
    }

    public Uni<Void> breached(SlaClock clock, String streetCode) {
        return publish(clock, EventType.ESCALATION_SLA_BREACHED, clock.breachedAt, new SlaBreached(clock.reportId,
                clock.kind, clock.communityCode, streetCode, clock.itemCode, clock.confidential, clock.workingDays,
                clock.startedAt, clock.dueAt, clock.provisional, clock.breachedAt));
    }

    private Uni<Void> publish(SlaClock clock, EventType type, Instant at, Object payload) {
        return outbox.publish(type, clock.reportId.toString(), at, payload);
    }
}
