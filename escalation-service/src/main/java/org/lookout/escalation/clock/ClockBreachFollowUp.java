package org.lookout.escalation.clock;

import java.time.Instant;

import org.lookout.escalation.domain.SlaClock;

import io.smallrye.mutiny.Uni;

/**
 * What follows a clock's breach in the sweep's transaction, so it happens exactly once with the breach: in this
 * service an escalation to the street office. Declared here so the clocks need not know about escalations.
 */
public interface ClockBreachFollowUp {

    Uni<Void> breached(SlaClock clock, String streetCode, Instant at);
}
