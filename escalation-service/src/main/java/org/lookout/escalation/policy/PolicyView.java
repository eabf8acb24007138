package org.lookout.escalation.policy;

import java.time.Instant;
import java.util.List;

import org.lookout.contracts.AgencyKind;
import org.lookout.escalation.domain.TaxonomyItem;

/**
 * An item's SLA policy as this service holds it (its copy of complaint-service's item). {@code source} SEED while the
 * item is as complaint-service seeded it (revision 1), ADMIN once an administrator edited it there.
 * {@code resolutionBreachEscalatesTo}: {@value #STREET} or the agency kind a breach of the resolution clock goes to.
 */
public record PolicyView(String itemCode, int resolutionWorkingDays, String source, Instant updatedAt,
        List<String> immediateAgencyKinds, boolean immediateJoint, String immediateLeadKind,
        String resolutionBreachEscalatesTo) {

    /** A resolution breach goes to the report's street, whose supervisors work it. */
    public static final String STREET = "STREET";


    static PolicyView of(TaxonomyItem item) {
        List<AgencyKind> immediate = item.immediateAgencyKinds();
        return new PolicyView(item.itemCode, item.resolutionWorkingDays, item.revision <= 1 ? "SEED" : "ADMIN",
                item.changedAt, immediate.stream().map(AgencyKind::name).toList(),
                !immediate.isEmpty() && item.jointEscalation,
                immediate.isEmpty() || item.leadAgencyKind == null ? null : item.leadAgencyKind.name(),
                item.resolutionBreachAgencyKind == null ? STREET : item.resolutionBreachAgencyKind.name());
    }
}
