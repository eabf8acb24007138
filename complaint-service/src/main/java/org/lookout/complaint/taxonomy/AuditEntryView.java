package org.lookout.complaint.taxonomy;

import java.time.Instant;

import org.lookout.complaint.domain.TaxonomyChange;

/** One edit of an item: who (the admin's account), when, and the editable fields before and after. */
public record AuditEntryView(String itemCode, String actor, Instant at, TaxonomyChange.Snapshot before,
        TaxonomyChange.Snapshot after) {

    static AuditEntryView of(TaxonomyChange change) {
        return new AuditEntryView(change.itemCode, change.actor, change.at, change.before, change.after);
    }
}
