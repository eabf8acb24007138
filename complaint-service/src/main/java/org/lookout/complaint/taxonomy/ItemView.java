package org.lookout.complaint.taxonomy;

import java.util.List;

import org.lookout.complaint.domain.TaxonomyItem;

/**
 * An item with its handling rules; {@code escalationAgencyKinds} lead first; {@code resolutionBreachAgencyKind} the kind
 * of agency a breach of the resolution clock escalates to, absent (null) when it goes to the report's street.
 */
public record ItemView(String code, String nameZh, String nameEn, int resolutionDays, boolean escalatesImmediately,
        List<String> escalationAgencyKinds, boolean jointEscalation, boolean confidential, boolean active,
        String resolutionBreachAgencyKind) {

    static ItemView of(TaxonomyItem item) {
        return new ItemView(item.code, item.nameZh, item.nameEn, item.resolutionDays, item.escalatesImmediately,
                item.agencyKinds(), item.jointEscalation, item.confidential, item.active,
                item.resolutionBreachAgencyKind);
    }
}
