package org.lookout.escalation.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The SLA policy of one taxonomy item: how many working days its reports have to be resolved once accepted, and to
 * which agency kinds it escalates at once.
 */
@Entity
@Table(name = "sla_policy")
public class ItemPolicy {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "resolution_working_days", nullable = false)
    public int resolutionWorkingDays;

    /** SEED: the taxonomy default; ADMIN: set by an administrator. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DaySource source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The agency kinds a report of this item escalates to once accepted, comma-separated; null: none. */
    @Column(name = "immediate_agency_kinds")
    public String immediateAgencyKinds;

    /** Several kinds at once, as one joint escalation. */
    @Column(name = "immediate_joint", nullable = false)
    public boolean immediateJoint;

    /** The kind whose agency leads the immediate escalation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "immediate_lead_kind")
    public AgencyKind immediateLeadKind;
}
