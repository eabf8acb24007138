package org.lookout.cadre.domain;

import java.util.EnumSet;
import java.util.Set;

import org.lookout.contracts.OfficialStatus;

/**
 * The moves of an official's registration: a registration by community staff waits for an inspector's confirmation;
 * an official moves away, retires or dies and stays in the registry with that status (the archive is never dropped).
 * A transferred official may come back.
 */
public final class OfficialStatuses {

    private OfficialStatuses() {
    }

    public static Set<OfficialStatus> next(OfficialStatus from) {
        return switch (from) {
            case PENDING -> EnumSet.of(OfficialStatus.ACTIVE);
            case ACTIVE -> EnumSet.of(OfficialStatus.TRANSFERRED, OfficialStatus.RETIRED, OfficialStatus.DECEASED);
            case TRANSFERRED -> EnumSet.of(OfficialStatus.ACTIVE, OfficialStatus.RETIRED, OfficialStatus.DECEASED);
            case RETIRED -> EnumSet.of(OfficialStatus.DECEASED);
            case DECEASED -> EnumSet.noneOf(OfficialStatus.class);
        };
    }

    public static boolean mayMove(OfficialStatus from, OfficialStatus to) {
        return next(from).contains(to);
    }
}
