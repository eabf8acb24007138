package org.lookout.escalation.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lookout.escalation.domain.EscalationNote;
import org.lookout.escalation.domain.EscalationPart;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An escalation as its readers see it: the report facts, its parts (the lead first) and, read by id, its notes.
 * {@code kind} is {@code INFORM} for a copy for information (no lead, no deadline: those fields absent).
 * {@code openedBy} (the account id of the official who opened it) is absent for an agency reader.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationView(UUID id, UUID reportId, String itemCode, String communityCode, String streetCode,
        boolean confidential, String trigger, String kind, String reason, String leadAgencyCode, Integer workingDays,
        Instant openedAt, Instant dueAt, boolean provisional, String status, String openedBy, Instant overdueAt,
        List<PartView> parts, List<NoteView> notes) {

    /**
     * One agency's part; {@code kind} is ACT or INFORM (a copy for information), {@code streetCode} names the street
     * whose supervisors work it (a street office's part), and {@code returnDueAt} the new deadline the street gave the
     * community when it returned the report with instructions.
     */
    public record PartView(String agencyCode, boolean lead, String kind, String status, Instant acknowledgedAt,
            Instant resolvedAt, Instant returnedAt, Instant overdueAt, String outcome, String actionsTaken,
            String returnReason, String returnNote, String streetCode, Instant returnDueAt) {

        static PartView of(EscalationPart part) {
            return new PartView(part.agencyCode, part.lead, part.kind.name(), part.status.name(), part.acknowledgedAt,
                    part.resolvedAt, part.returnedAt, part.overdueAt, part.outcome == null ? null : part.outcome.name(),
                    part.actionsTaken, part.returnReason == null ? null : part.returnReason.name(), part.returnNote,
                    part.streetCode, part.returnDueAt);
        }
    }

    /** A progress note of an agency. */
    public record NoteView(String agencyCode, Instant at, String note) {

        static NoteView of(EscalationNote note) {
            return new NoteView(note.agencyCode, note.at, note.note);
        }
    }

    /** With notes when read by id; without ({@code notes} absent) in lists; as {@code reader} may see it. */
    static EscalationView of(EscalationReader.Read read, boolean withNotes, Caller reader) {
        var escalation = read.escalation();
        return new EscalationView(escalation.id, escalation.reportId, escalation.itemCode, escalation.communityCode,
                escalation.streetCode, escalation.confidential, escalation.trigger.name(), escalation.kind.name(),
                escalation.reason,
                escalation.leadAgencyCode, escalation.workingDays, escalation.openedAt, escalation.dueAt,
                escalation.provisional, escalation.status.name(),
                reader.is(Roles.AGENCY) || reader.agency().isPresent() ? null : escalation.openedBy, escalation.overdueAt,
                read.parts().stream().map(PartView::of).toList(),
                withNotes ? read.notes().stream().map(NoteView::of).toList() : null);
    }
}
