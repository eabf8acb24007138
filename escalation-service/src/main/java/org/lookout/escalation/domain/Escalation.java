package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A report escalated to one or more agencies, each with its own {@link EscalationPart}. The report facts are copied
 * when it opens so that agencies and events never depend on complaint-service being reachable.
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

    /** What staff or a supervisor wrote (MANUAL only); read through the REST API, never published. */
    @Column
    public String reason;

    @Column(name = "lead_agency_code", nullable = false)
    public String leadAgencyCode;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "due_at", nullable = false)
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

    /**
     * The escalation follows its lead's part: RESOLVED when the lead resolved, RETURNED when the lead (or every agency)
     * returned it, OVERDUE while the lead is. While the lead has not acknowledged yet, another agency at work on it
     * (acknowledged, overdue or resolved) makes it ACKNOWLEDGED: the joint work has started.
     */
    public void follow(List<EscalationPart> parts) {
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
