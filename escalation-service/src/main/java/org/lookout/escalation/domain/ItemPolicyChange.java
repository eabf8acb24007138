package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One administrator's change to an item's SLA policy, kept for the audit trail. */
@Entity
@Table(name = "sla_policy_audit")
public class ItemPolicyChange {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "old_days", nullable = false)
    public int oldDays;

    @Column(name = "new_days", nullable = false)
    public int newDays;

    @Column(nullable = false)
    public String reason;
}
