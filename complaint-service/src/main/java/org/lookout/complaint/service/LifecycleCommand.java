package org.lookout.complaint.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lookout.complaint.domain.AssigneeUnit;
import org.lookout.complaint.domain.RejectReason;
import org.lookout.complaint.domain.ResponseKind;

/** What a caller sends to move a report along its lifecycle (ARCHITECTURE §5), one record per command. */
public sealed interface LifecycleCommand {

    int NOTE_LENGTH = 1000;

    /** Free text kept in the report's history; never on a topic. */
    String note();

    record Accept(@Size(max = NOTE_LENGTH) String note) implements LifecycleCommand {
    }

    /** {@code duplicateOf} is required when the reason is DUPLICATE. */
    record Reject(@NotNull RejectReason reason, UUID duplicateOf, @Size(max = NOTE_LENGTH) String note)
            implements LifecycleCommand {
    }

    /** {@code staffMember} (the account) is required when the unit is STAFF. */
    record Assign(@NotNull AssigneeUnit unit,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be an account name") String staffMember,
            @Size(max = NOTE_LENGTH) String note) implements LifecycleCommand {
    }

    record Respond(@NotNull ResponseKind kind, @NotNull @PastOrPresent Instant respondedAt,
            @Size(max = NOTE_LENGTH) String note) implements LifecycleCommand {
    }

    record Resolve(@NotBlank @Size(max = NOTE_LENGTH) String result) implements LifecycleCommand {

        @Override
        public String note() {
            return result;
        }
    }

    /** The reporter's rating: not satisfied reopens the report. */
    record Feedback(@NotNull Boolean satisfied, @Size(max = 900) String comment) implements LifecycleCommand {

        @Override
        public String note() {
            String rating = satisfied ? "satisfied" : "not satisfied";
            return comment == null || comment.isBlank() ? rating : rating + ": " + comment.strip();
        }
    }

    /** {@code resolvable} false closes a responded report as "closed, not resolvable". */
    record Close(@NotNull Boolean resolvable, @Size(max = NOTE_LENGTH) String note) implements LifecycleCommand {
    }

    /** Staff wait for the reporter; the reason (e.g. "no access to the flat") is kept in the history only. */
    record AwaitReporter(@Size(max = 500) String reason) implements LifecycleCommand {

        @Override
        public String note() {
            return reason == null || reason.isBlank() ? "waiting for the reporter" : "waiting for the reporter: "
                    + reason.strip();
        }
    }
}
