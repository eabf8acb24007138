package org.lookout.cadre.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of a community of complaint-service (the owner), built only from its
 * {@code community-changed} events: the street decides which inspectors see the officials living there.
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

    @Column(nullable = false)
    public int revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
