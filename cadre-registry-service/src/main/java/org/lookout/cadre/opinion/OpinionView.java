package org.lookout.cadre.opinion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.archive.ArchiveEntryView;
import org.lookout.cadre.domain.IntegrityOpinion;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An integrity opinion request. The draft and the entries it cites are shown to the community's staff (who write it)
 * and head (who issues it); the issued opinion to the inspector; supervisors see where it stands and nothing it says.
 */
@Schema(name = "IntegrityOpinion")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpinionView(UUID id, UUID officialId, String communityCode, String purpose, int workingDays,
        Instant requestedAt, Instant dueAt, Boolean dueProvisional, String status, boolean overdue, String draft,
        List<ArchiveEntryView> citedEntries, String returnedReason, Instant draftedAt, String opinion,
        Instant issuedAt, Instant withdrawnAt, String withdrawalReason) {

    /** Where it stands, nothing it says: supervisors, lists. */
    static OpinionView status(IntegrityOpinion opinion, Instant now) {
        return new OpinionView(opinion.id, opinion.officialId, opinion.communityCode, opinion.purpose,
                opinion.workingDays, opinion.requestedAt, opinion.dueAt, opinion.dueProvisional, opinion.status.name(),
                opinion.overdue(now), null, null, null, opinion.draftedAt, null, opinion.issuedAt, opinion.withdrawnAt,
                opinion.withdrawalReason);
    }

    /** The inspector: the opinion once issued. */
    static OpinionView issued(IntegrityOpinion opinion, Instant now) {
        OpinionView status = status(opinion, now);
        return opinion.issuedAt == null ? status : status.with(null, null, null, opinion.draft);
    }

    /** Staff and head of the community: the draft, what it cites, why it was returned. */
    static OpinionView draft(IntegrityOpinion opinion, List<ArchiveEntryView> cited, Instant now) {
        return status(opinion, now).with(opinion.draft, cited, opinion.returnedReason,
                opinion.issuedAt == null ? null : opinion.draft);
    }

    private OpinionView with(String draft, List<ArchiveEntryView> cited, String returnedReason, String opinion) {
        return new OpinionView(id, officialId, communityCode, purpose, workingDays, requestedAt, dueAt, dueProvisional,
                status, overdue, draft, cited, returnedReason, draftedAt, opinion, issuedAt, withdrawnAt,
                withdrawalReason);
    }
}
