package org.lookout.complaint.community;

import java.time.Instant;

import org.lookout.complaint.domain.CommunityChange;

/** One edit of a community: who (the admin's account), when, and the editable fields before and after. */
public record CommunityAuditEntryView(String communityCode, String actor, Instant at, CommunityChange.Snapshot before,
        CommunityChange.Snapshot after) {

    static CommunityAuditEntryView of(CommunityChange change) {
        return new CommunityAuditEntryView(change.communityCode, change.actor, change.at, change.before, change.after);
    }
}
