package org.lookout.escalation.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of a community, which complaint-service owns: built only from its
 * {@code lookout.complaint.community-changed.v1} events. The street it belongs to is what a supervisor's {@code street}
 * claim covers and what escalations to the street office go by.
 */
@Entity
@Table(name = "community")
public class Community {

    @Id
    public String code;

    @Column(name = "street_code", nullable = false)
    public String streetCode;

    @Column(nullable = false)
    public boolean active;

    /** The owner's revision of this state: a record is applied only over a lower one. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
