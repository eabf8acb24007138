package org.lookout.escalation.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.contracts.AgencyKind;

/** An agency of the directory: who it is, where it acts, which OIDC client acts for it, and where it is notified. */
@Entity
@Table(name = "agency")
public class Agency {

    /** Also the value of the {@code agency} claim in its client's tokens. */
    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyKind kind;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** A street code (e.g. DCYJD) or a district code. */
    @Column(nullable = false)
    public String jurisdiction;

    /** The client-credentials client that acts for the agency; null when it has none. */
    @Column(name = "oidc_client_id")
    public String oidcClientId;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
