package org.lookout.escalation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A community and the street it belongs to: what a supervisor's {@code street} claim covers. */
@Entity
@Table(name = "community")
public class Community {

    @Id
    public String code;

    @Column(name = "street_code", nullable = false)
    public String streetCode;
}
