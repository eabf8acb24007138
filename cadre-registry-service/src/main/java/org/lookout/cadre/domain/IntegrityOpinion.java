package org.lookout.cadre.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.cadre.domain.OpinionStatus.Action;

/**
 * 廉洁自律情况征求意见 and its answer (廉洁意见回复): before promoting an official, an inspector asks the community where
 * the official lives; its staff draft the opinion from the archive, the community head approves and issues it, within
 * a deadline in working days. It owns its transitions ({@link #TRANSITIONS}).
 */
@Entity
@Table(name = "integrity_opinion")
public class IntegrityOpinion {

    public static final Transitions<OpinionStatus, Action> TRANSITIONS = Transitions
            .of(OpinionStatus.class, Action.class)
            .on(Action.DRAFT, OpinionStatus.DRAFTED, OpinionStatus.REQUESTED, OpinionStatus.DRAFTED)
            .on(Action.ISSUE, OpinionStatus.ISSUED, OpinionStatus.DRAFTED)
            .on(Action.RETURN, OpinionStatus.REQUESTED, OpinionStatus.DRAFTED)
            .on(Action.WITHDRAW, OpinionStatus.WITHDRAWN, OpinionStatus.REQUESTED, OpinionStatus.DRAFTED)
            .build();

    @Id
    public UUID id;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** Null until escalation-service's calendar answered. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "due_provisional")
    public Boolean dueProvisional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OpinionStatus status;

    public String draft;

    @Column(name = "drafted_at")
    public Instant draftedAt;

    @Column(name = "drafted_by")
    public String draftedBy;

    @Column(name = "returned_reason")
    public String returnedReason;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** When the miss of the deadline was announced (once). */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public int version;

    public static IntegrityOpinion request(Official official, String purpose, int workingDays, Instant at,
            String inspector) {
        IntegrityOpinion opinion = new IntegrityOpinion();
        opinion.id = UUID.randomUUID();
        opinion.officialId = official.id;
        opinion.communityCode = official.communityCode;
        opinion.purpose = purpose;
        opinion.workingDays = workingDays;
        opinion.requestedAt = at;
        opinion.requestedBy = inspector;
        opinion.status = OpinionStatus.REQUESTED;
        return opinion;
    }

    public void draft(String text, Instant at, String staff) {
        status = TRANSITIONS.apply(status, Action.DRAFT);
        draft = text;
        draftedAt = at;
        draftedBy = staff;
        returnedReason = null;
    }

    public void issue(Instant at, String head) {
        status = TRANSITIONS.apply(status, Action.ISSUE);
        issuedAt = at;
        issuedBy = head;
    }

    /** The head sends the draft back to staff with a reason; the draft is kept for them to rework. */
    public void returnToStaff(String reason) {
        status = TRANSITIONS.apply(status, Action.RETURN);
        returnedReason = reason;
    }

    public void withdraw(Instant at, String reason) {
        status = TRANSITIONS.apply(status, Action.WITHDRAW);
        withdrawnAt = at;
        withdrawalReason = reason;
    }

    public void schedule(Instant due, boolean provisional) {
        dueAt = due;
        dueProvisional = provisional;
    }

    /** Still open past its deadline, and not announced yet. */
    public boolean misses(Instant now) {
        return dueAt != null && overdueAt == null && open() && !now.isBefore(dueAt);
    }

    public boolean open() {
        return status == OpinionStatus.REQUESTED || status == OpinionStatus.DRAFTED;
    }

    /** Past its deadline without an issued opinion (listed as overdue). */
    public boolean overdue(Instant now) {
        return dueAt != null && open() && !now.isBefore(dueAt);
    }
}
