package org.lookout.escalation.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.lookout.contracts.EscalationState;

/**
 * The life of an agency's part of an escalation (ARCHITECTURE §6) as one table: OPEN → ACKNOWLEDGED → RESOLVED, or
 * RETURNED (not its responsibility), OVERDUE when the deadline passes — an overdue part may still acknowledge, resolve
 * or return. Progress notes change no state: they are taken while the part is being worked on. The escalation as a
 * whole takes the same values ({@link Escalation#follow}).
 */
public enum EscalationStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, RETURNED, OVERDUE;

    private static final Map<EscalationStatus, Set<EscalationStatus>> ALLOWED = new EnumMap<>(EscalationStatus.class);

    static {
        allow(OPEN, ACKNOWLEDGED, RETURNED, OVERDUE);
        allow(ACKNOWLEDGED, RESOLVED, RETURNED, OVERDUE);
        allow(OVERDUE, ACKNOWLEDGED, RESOLVED, RETURNED);
        allow(RESOLVED);
        allow(RETURNED);
    }

    private static void allow(EscalationStatus from, EscalationStatus... to) {
        ALLOWED.put(from, to.length == 0 ? EnumSet.noneOf(EscalationStatus.class) : EnumSet.of(to[0], to));
    }

    public Set<EscalationStatus> next() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    public boolean canMoveTo(EscalationStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Acknowledged and not finished (overdue or not): the agency is working on it and may report progress. */
    public boolean takesProgress() {
        return this == ACKNOWLEDGED || this == OVERDUE;
    }

    /** RESOLVED and RETURNED end a part, and end the escalation. */
    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** The state as the escalation events carry it: the one place the domain's table meets the wire. */
    public EscalationState onTheWire() {
        return EscalationState.valueOf(name());
    }
}
