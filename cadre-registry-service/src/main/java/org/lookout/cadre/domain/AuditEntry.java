package org.lookout.cadre.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of the archive or of tip-offs: who read what, when (ARCHITECTURE §7). Written in the reading transaction. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    public static final String READ_TIP_OFFS = "READ_TIP_OFFS";
    public static final String FORWARD_TIP_OFF = "FORWARD_TIP_OFF";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** The reader's OIDC subject: an inspector's account id, accountable by design. */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String target;
}
