package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.contracts.ClockKind;
import org.lookout.contracts.EscalationTrigger;
import org.lookout.contracts.PartKind;
import org.lookout.problem.ProblemException;

/**
 * A report escalated to one or more agencies, each with its own {@link EscalationPart}. The report facts are copied
 * when it opens so that agencies and events never depend on complaint-service being reachable. It follows its lead's
 * part; once it has ended (RESOLVED or RETURNED) no part moves any more. A copy for information (kind
 * {@link PartKind#INFORM}, 抄送) has one part, no lead and no deadline, and follows that part.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    /** Null only when the community is not in the reference data. */
    @Column(name = "street_code")
    public String streetCode;

    /** Reports about officials: only inspectors, admin and the agencies addressed read them. */
    @Column(nullable = false)
    public boolean confidential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationTrigger trigger;

    /** ACT: its agencies must act by a deadline; INFORM: a copy for information to one agency, no lead, no deadline. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartKind kind;

    /** What staff or a supervisor wrote (MANUAL only); read through the REST API, never published. */
    @Column
    public String reason;

    /** Null for a copy for information. */
    @Column(name = "lead_agency_code")
    public String leadAgencyCode;

    /** Null for a copy for information. */
    @Column(name = "working_days")
    public Integer workingDays;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Null for a copy for information: it has no deadline and is never overdue. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(nullable = false)
    public boolean provisional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    /** The subject of whoever opened it by hand; null for the automatic triggers. */
    @Column(name = "opened_by")
    public String openedBy;

    /** When the overdue sweep marked its parts; set once, so a deadline is missed once. */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public int version;

    /** What an escalation is opened with: the report facts, why, to whom (the lead among them), and for how long. */
    public record Opening(ReportFacts report, String streetCode, EscalationTrigger trigger, String reason,
            List<Agency> agencies, Agency lead, int workingDays, Instant openedAt, String openedBy) {
    }

    /** A new escalation and its parts, one per agency, all OPEN. */
    public record Opened(Escalation escalation, List<EscalationPart> parts) {
    }

    /** Opens an escalation due at {@code deadline}: one OPEN part per agency, the lead's marked. */
    public static Opened open(Opening opening, Deadline deadline) {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        escalation.reportId = opening.report().reportId();
        escalation.itemCode = opening.report().itemCode();
        escalation.communityCode = opening.report().communityCode();
        escalation.streetCode = opening.streetCode();
        escalation.confidential = opening.report().confidential();
        escalation.trigger = opening.trigger();
        escalation.kind = PartKind.ACT;
        escalation.reason = opening.reason();
        escalation.leadAgencyCode = opening.lead().code;
        escalation.workingDays = opening.workingDays();
        escalation.openedAt = opening.openedAt();
        escalation.dueAt = deadline.dueAt();
        escalation.provisional = deadline.provisional();
        escalation.openedBy = opening.openedBy();
        List<EscalationPart> parts = new ArrayList<>();
        for (Agency agency : opening.agencies()) {
            parts.add(EscalationPart.open(escalation.id, agency, agency.code.equals(opening.lead().code)));
        }
        escalation.follow(parts);
        return new Opened(escalation, parts);
    }

    /**
     * A copy of the report for {@code agency}'s information (抄送), by {@code openedBy} at {@code at}, with their reason:
     * one OPEN part of kind INFORM, no lead, no deadline.
     */
    public static Opened inform(ReportFacts report, String streetCode, Agency agency, String reason, Instant at,
            String openedBy) {
        Escalation escalation = new Escalation();
        escalation.id = UUID.randomUUID();
        escalation.reportId = report.reportId();
        escalation.itemCode = report.itemCode();
        escalation.communityCode = report.communityCode();
        escalation.streetCode = streetCode;
        escalation.confidential = report.confidential();
        escalation.trigger = EscalationTrigger.MANUAL;
        escalation.kind = PartKind.INFORM;
        escalation.reason = reason;
        escalation.openedAt = at;
        escalation.openedBy = openedBy;
        List<EscalationPart> parts = List.of(EscalationPart.open(escalation.id, agency, false, PartKind.INFORM));
        escalation.follow(parts);
        return new Opened(escalation, parts);
    }

    /** The report it escalates. */
    public ReportFacts report() {
        return new ReportFacts(reportId, communityCode, itemCode, confidential);
    }

    /**
     * The clock whose breach opened it (RESPONSE_BREACHED, RESOLUTION_BREACHED): the one the street's new deadline
     * applies to; empty for the other triggers.
     */
    public Optional<ClockKind> breachedClock() {
        return switch (trigger) {
            case RESPONSE_BREACHED -> Optional.of(ClockKind.RESPONSE);
            case RESOLUTION_BREACHED -> Optional.of(ClockKind.RESOLUTION);
            default -> Optional.empty();
        };
    }

    /** An agency may still act on its part: the escalation has not ended; 409 naming its state otherwise. */
    public void checkOpenFor(String action) {
        if (status.isFinal()) {
            throw ProblemException.illegalTransition(status, action, List.<EscalationStatus>of());
        }
    }

    /**
     * The deadline passed (the overdue sweep at {@code now}): marked once, every open or acknowledged part becomes
     * overdue, and the escalation follows its lead. Answers the parts that became overdue.
     */
    public List<EscalationPart> markOverdue(Instant now, List<EscalationPart> parts) {
        overdueAt = now;
        List<EscalationPart> late = new ArrayList<>();
        for (EscalationPart part : parts) {
            if (part.markOverdue(now)) {
                late.add(part);
            }
        }
        follow(parts);
        return late;
    }

    /**
     * The escalation follows its lead's part: RESOLVED when the lead resolved, RETURNED when the lead (or every agency)
     * returned it, OVERDUE while the lead is. While the lead has not acknowledged yet, another agency at work on it
     * (acknowledged, overdue or resolved) makes it ACKNOWLEDGED: the joint work has started. A copy for information
     * takes its one part's state.
     */
    public void follow(List<EscalationPart> parts) {
        if (kind == PartKind.INFORM) {
            status = parts.getFirst().status;
            return;
        }
        EscalationPart lead = parts.stream().filter(part -> part.lead).findFirst()
                .orElseThrow(() -> new IllegalStateException("escalation " + id + " has no lead"));
        if (parts.stream().allMatch(part -> part.status == EscalationStatus.RETURNED)) {
            status = EscalationStatus.RETURNED;
        } else if (lead.status == EscalationStatus.OPEN && parts.stream().anyMatch(part -> !part.lead
                && part.status != EscalationStatus.OPEN && part.status != EscalationStatus.RETURNED)) {
            status = EscalationStatus.ACKNOWLEDGED;
        } else {
            status = lead.status;
        }
    }
}
