package org.lookout.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrator's change of a rule: the rule before (null when created) and after (null when removed), as JSON. */
@Entity
@Table(name = "notification_rule_audit")
public class RuleChange {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;
}
