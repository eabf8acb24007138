package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.contracts.AgencyKind;

/**
 * This service's copy of a taxonomy item, which complaint-service owns: built only from its
 * {@code lookout.complaint.item-changed.v1} events, the fields this service reads. How many working days a report of the
 * item has to be resolved once accepted, to which agency kinds it escalates at once, and where a breach of its
 * resolution clock escalates.
 */
@Entity
@Table(name = "taxonomy_item")
public class TaxonomyItem {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "resolution_working_days", nullable = false)
    public int resolutionWorkingDays;

    @Column(name = "escalates_immediately", nullable = false)
    public boolean escalatesImmediately;

    /** The agency kinds in the owner's order, comma-separated; empty for none. */
    @Column(name = "escalation_agency_kinds", nullable = false)
    public String escalationAgencyKinds;

    /** Several kinds at once, as one joint escalation. */
    @Column(name = "joint_escalation", nullable = false)
    public boolean jointEscalation;

    /** The kind whose agency leads an immediate escalation; null when the owner names none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_agency_kind")
    public AgencyKind leadAgencyKind;

    /**
     * Where a breach of the resolution clock escalates: the nearest agency of this kind; null for the report's street,
     * whose supervisors work it (督办).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_breach_agency_kind")
    public AgencyKind resolutionBreachAgencyKind;

    @Column(nullable = false)
    public boolean confidential;

    /** An inactive item is offered for no new report; reports filed under it keep their clocks. */
    @Column(nullable = false)
    public boolean active;

    /** The owner's revision of this state: a record is applied only over a lower one. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The agency kinds a report of this item escalates to on acceptance; empty for an item that does not. */
    public List<AgencyKind> immediateAgencyKinds() {
        if (!escalatesImmediately || escalationAgencyKinds.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(escalationAgencyKinds.split(",")).map(AgencyKind::valueOf).toList();
    }
}
