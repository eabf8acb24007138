package org.lookout.complaint.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reporter's rating: not satisfied reopens the report. */
@Schema(name = "Feedback")
public record RateReportRequest(@NotNull Boolean satisfied, @Size(max = 900) String comment) {

    /** What the history keeps: the rating and the comment. */
    public String note() {
        String rating = satisfied ? "satisfied" : "not satisfied";
        return comment == null || comment.isBlank() ? rating : rating + ": " + comment.strip();
    }
}
