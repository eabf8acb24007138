package org.lookout.complaint.followup;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.FollowUp;

/** A recorded follow-up, and the report's status after it ({@code CLOSED} or {@code REOPENED}). */
public record FollowUpView(long id, UUID reportId, String reachedBy, boolean satisfied, String comment,
        Instant reachedAt, Instant recordedAt, String reportStatus) {

    static FollowUpView of(FollowUp followUp, String reportStatus) {
        return new FollowUpView(followUp.id, followUp.reportId, followUp.reachedBy.name(), followUp.satisfied,
                followUp.comment, followUp.reachedAt, followUp.recordedAt, reportStatus);
    }
}
