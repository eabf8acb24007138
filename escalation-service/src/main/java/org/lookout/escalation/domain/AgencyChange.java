package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One administrator's change to the agency directory: the entry before (null when created) and after, as JSON. */
@Entity
@Table(name = "agency_audit")
public class AgencyChange {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value", nullable = false)
    public String newValue;
}
