package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.contracts.EscalationState;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.PartKind;
import org.lookout.contracts.ReturnReason;

/** One event of an escalation's life as its case file shows it (references only, as on the topic). */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(nullable = false)
    public Instant at;

    /** What happened: {@code opened}, {@code informed}, {@code acknowledged}, {@code progressed}, … */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "agency_code")
    public String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "part_kind")
    public PartKind partKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "part_status")
    public EscalationState partStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_status")
    public EscalationState escalationStatus;

    @Enumerated(EnumType.STRING)
    @Column
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "return_reason")
    public ReturnReason returnReason;

    public static CaseHistoryEntry of(UUID escalationId, Instant at, String eventType, String agencyCode,
            PartKind partKind, EscalationState partStatus, EscalationState escalationStatus, Outcome outcome,
            ReturnReason returnReason) {
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.escalationId = escalationId;
        entry.at = at;
        entry.eventType = eventType;
        entry.agencyCode = agencyCode;
        entry.partKind = partKind;
        entry.partStatus = partStatus;
        entry.escalationStatus = escalationStatus;
        entry.outcome = outcome;
        entry.returnReason = returnReason;
        return entry;
    }
}
