package org.lookout.complaint.followup;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.complaint.domain.ReachedBy;

/** How staff reached the reporter, when, and the answer: satisfied or not, with what the reporter said. */
@Schema(name = "FollowUp")
public record RecordFollowUpRequest(@NotNull ReachedBy reachedBy, @NotNull Boolean satisfied,
        @Size(max = 900) String comment, @NotNull @PastOrPresent Instant reachedAt) {

    /** What the history keeps: how, the answer and the comment. */
    String note() {
        String answer = "follow-up by " + reachedBy + ": " + (satisfied ? "satisfied" : "not satisfied");
        return comment == null || comment.isBlank() ? answer : answer + ": " + comment.strip();
    }
}
