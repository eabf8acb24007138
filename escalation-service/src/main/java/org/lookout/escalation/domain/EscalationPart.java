package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.EnumSet;
import java.util.Set;

import org.lookout.contracts.Outcome;
import org.lookout.contracts.PartKind;
import org.lookout.contracts.ReturnReason;
import org.lookout.problem.ProblemException;

/**
 * One agency's share of an escalation: its own status in the {@link EscalationStatus} table, outcome or return. What
 * the agency does checks the table and sets every field the move changes; a move the table does not allow is a 409
 * naming the state and the states that may follow. A part of kind {@link PartKind#INFORM} (a copy for information) has
 * no deadline: the same table without {@code OVERDUE}. A part addressed to a street office is the street's: that
 * street's supervisors work it, and return it to the community with instructions and a new deadline (督办).
 */
@Entity
@Table(name = "escalation_part")
public class EscalationPart {

    @Id
    public UUID id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public boolean lead;

    /** The street whose supervisors work this part (addressed to its street office); null for an agency's part. */
    @Column(name = "street_code")
    public String streetCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Enumerated(EnumType.STRING)
    @Column
    public Outcome outcome;

    @Column(name = "actions_taken")
    public String actionsTaken;

    @Enumerated(EnumType.STRING)
    @Column(name = "return_reason")
    public ReturnReason returnReason;

    @Column(name = "return_note")
    public String returnNote;

    /** The deadline the street gave the community when it returned the report with instructions; null otherwise. */
    @Column(name = "return_due_at")
    public Instant returnDueAt;

    @Version
    public int version;

    /** A new part of {@code escalation} for {@code agency} that must act, OPEN; a street office's is its street's. */
    static EscalationPart open(UUID escalationId, Agency agency, boolean lead) {
        return open(escalationId, agency, lead, PartKind.ACT);
    }

    /** A new part of {@code escalation} for {@code agency}, OPEN; a street office's is its street's. */
    static EscalationPart open(UUID escalationId, Agency agency, boolean lead, PartKind kind) {
        EscalationPart part = new EscalationPart();
        part.id = UUID.randomUUID();
        part.escalationId = escalationId;
        part.agencyCode = agency.code;
        part.lead = lead;
        part.kind = kind;
        part.streetCode = agency.workedByStreet().orElse(null);
        part.status = EscalationStatus.OPEN;
        return part;
    }

    /** The states this part may still move to: the table's, without {@code OVERDUE} for a copy for information. */
    public Set<EscalationStatus> next() {
        Set<EscalationStatus> next = EnumSet.noneOf(EscalationStatus.class);
        next.addAll(status.next());
        if (kind == PartKind.INFORM) {
            next.remove(EscalationStatus.OVERDUE);
        }
        return next;
    }

    /** The agency takes it on (from OPEN, or late from OVERDUE); the first acknowledgement's time is kept. */
    public void acknowledge(Instant at) {
        move(EscalationStatus.ACKNOWLEDGED, "acknowledge");
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    /** The agency reports progress: a note of the part it is working on (acknowledged or overdue); no state changes. */
    public EscalationNote progress(Instant at, String note) {
        if (!status.takesProgress()) {
            throw ProblemException.illegalTransition(status, "report progress", next());
        }
        return EscalationNote.of(escalationId, agencyCode, at, note);
    }

    /** The agency resolved it, with an outcome and what it did. */
    public void resolve(Instant at, Outcome result, String actions) {
        move(EscalationStatus.RESOLVED, "resolve");
        resolvedAt = at;
        outcome = result;
        actionsTaken = actions;
    }

    /** Worked by a street's supervisors, not by an agency's client. */
    public boolean isTheStreets() {
        return streetCode != null;
    }

    /**
     * The part is given back. An agency's: not its responsibility, with a reason of its own (no instructions, no
     * deadline). The street's (督办): back to the community with {@code INSTRUCTIONS_GIVEN}, the instructions as
     * {@code note} and a new deadline {@code newWorkingDays} from {@code at} on {@code calendar}. 400 naming the field
     * that does not fit whose part it is.
     */
    public void giveBack(Instant at, ReturnReason reason, String note, Integer newWorkingDays,
            WorkingCalendar calendar) {
        if (isTheStreets()) {
            requireInstructions(reason, note, newWorkingDays);
            move(EscalationStatus.RETURNED, "return");
            returnDueAt = calendar.deadline(at, newWorkingDays).dueAt();
        } else {
            if (reason == ReturnReason.INSTRUCTIONS_GIVEN) {
                throw ProblemException.badRequest("reason",
                        "only the street returns a report with instructions; an agency names why it gives it back");
            }
            if (newWorkingDays != null) {
                throw ProblemException.badRequest("dueInWorkingDays",
                        "only the street gives the community a new deadline");
            }
            move(EscalationStatus.RETURNED, "return");
        }
        returnedAt = at;
        returnReason = reason;
        returnNote = note;
    }

    private static void requireInstructions(ReturnReason reason, String note, Integer newWorkingDays) {
        if (reason != ReturnReason.INSTRUCTIONS_GIVEN) {
            throw ProblemException.badRequest("reason", "the street returns a report to the community with"
                    + " instructions and a new deadline: must be INSTRUCTIONS_GIVEN");
        }
        if (note == null || note.isBlank()) {
            throw ProblemException.badRequest("note", "must hold the street's instructions to the community");
        }
        if (newWorkingDays == null) {
            throw ProblemException.badRequest("dueInWorkingDays",
                    "is required: the street gives the community a new deadline");
        }
    }

    /** The escalation's deadline passed (the overdue sweep): an open or acknowledged part is overdue, once. */
    public boolean markOverdue(Instant at) {
        if (!next().contains(EscalationStatus.OVERDUE) || overdueAt != null) {
            return false;
        }
        status = EscalationStatus.OVERDUE;
        overdueAt = at;
        return true;
    }

    private void move(EscalationStatus target, String action) {
        if (!next().contains(target)) {
            throw ProblemException.illegalTransition(status, action, next());
        }
        status = target;
    }
}
