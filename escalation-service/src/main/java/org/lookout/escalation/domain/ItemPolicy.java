package org.lookout.escalation.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SLA policy of one taxonomy item: how many working days its reports have to be resolved once accepted. */
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
}
