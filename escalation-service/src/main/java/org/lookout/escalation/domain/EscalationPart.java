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

/** One agency's share of an escalation: its own status in the {@link EscalationStatus} table, outcome or return. */
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

    @Version
    public int version;
}
