package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A report in the community's ledger. It never leaves the service: resources map it to a view, events to a payload. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(nullable = false)
    public boolean anonymous;

    @Column(nullable = false)
    public boolean confidential;

    /** Keyed pseudonym of the filing account; null for anonymous reports. */
    @Column(name = "filed_by_ref")
    public String filedByRef;

    @Column(name = "filed_by_role", nullable = false)
    public String filedByRole;

    public String address;

    public String building;

    public Double latitude;

    public Double longitude;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    public RejectReason rejectReason;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_unit")
    public AssigneeUnit assigneeUnit;

    /** The staff member's account when {@link #assigneeUnit} is STAFF; never on a topic. */
    @Column(name = "assignee_staff")
    public String assigneeStaff;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_kind")
    public ResponseKind responseKind;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(length = 1000)
    public String resolution;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The reporter's rating of the last resolution; null until rated. */
    public Boolean satisfied;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Due time of the response clock, from {@code lookout.escalation.sla-scheduled.v1}; null until known. */
    @Column(name = "response_due_at")
    public Instant responseDueAt;

    /** When the response clock breached ({@code sla-breached}); null while it has not: the response is in time. */
    @Column(name = "response_breached_at")
    public Instant responseBreachedAt;

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "resolution_breached_at")
    public Instant resolutionBreachedAt;

    /** A due time counts days of a year without a loaded holiday notice. */
    @Column(name = "due_provisional", nullable = false)
    public boolean dueProvisional;

    /** The escalation the report waits for ({@code ESCALATED}) or last waited for. */
    @Column(name = "escalation_id")
    public UUID escalationId;

    /** The agency's outcome code of the last escalation ({@code lookout.escalation.resolved.v1}). */
    @Column(name = "escalation_outcome")
    public String escalationOutcome;

    /** Staff wait for the reporter since then; the SLA clocks are paused. Null when not waiting. */
    @Column(name = "awaiting_reporter_since")
    public Instant awaitingReporterSince;

    @Version
    public int version;
}
