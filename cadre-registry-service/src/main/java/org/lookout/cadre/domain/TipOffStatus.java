package org.lookout.cadre.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tip-off about an official stands: received from a report, then forwarded to the discipline organs once. The
 * table of allowed moves is {@link #next()}; {@link TipOff} checks it.
 */
public enum TipOffStatus {
    RECEIVED,
    FORWARDED;

    /** The states this one may move to; none for a final state. */
    public Set<TipOffStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(FORWARDED);
            case FORWARDED -> EnumSet.noneOf(TipOffStatus.class);
        };
    }

    public boolean mayMoveTo(TipOffStatus target) {
        return next().contains(target);
    }
}
