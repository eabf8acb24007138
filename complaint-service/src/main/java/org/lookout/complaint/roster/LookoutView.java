package org.lookout.complaint.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lookout.complaint.domain.Lookout;

/**
 * A lookout of the roster with their activity (reports filed as a lookout, of them confirmed and resolved; in total and
 * among those received this month) and where their account stands ({@code accountChange}: what an administrator must
 * do by hand, when Keycloak did not let the service do it).
 */
public record LookoutView(UUID id, String communityCode, String username, String name, String kind,
        List<String> buildings, LocalDate appointedOn, LocalDate retiredOn, boolean active, AccountView account,
        ActivityView activity) {

    public record AccountView(String state, String change, int attempts, Instant nextAttemptAt) {
    }

    public record ActivityView(long filed, long confirmed, long resolved, long filedThisMonth,
            long confirmedThisMonth, long resolvedThisMonth) {
    }

    static LookoutView of(Lookout lookout, RosterRepository.Activity activity) {
        return new LookoutView(lookout.id, lookout.communityCode, lookout.username, lookout.name, lookout.kind.name(),
                List.of(lookout.buildings), lookout.appointedOn, lookout.retiredOn, lookout.active,
                new AccountView(lookout.accountState.name(), lookout.accountChange, lookout.accountAttempts,
                        lookout.accountNextAttemptAt),
                new ActivityView(activity.filed(), activity.confirmed(), activity.resolved(),
                        activity.filedThisMonth(), activity.confirmedThisMonth(), activity.resolvedThisMonth()));
    }
}
