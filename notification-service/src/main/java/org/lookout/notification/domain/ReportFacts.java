package org.lookout.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What this service knows of a report, built from complaint events only: enough to address the notifications of later
 * events that do not name the reporter (SLA and escalation events). The reporter appears as their pseudonym, opened
 * from the sealed reference when the report is confidential; an anonymous report has none.
 */
@Entity
@Table(name = "report_facts")
public class ReportFacts {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "reporter_ref")
    public String reporterRef;

    @Column(name = "assignee_ref")
    public String assigneeRef;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
