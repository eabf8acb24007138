package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lookout.contracts.AgencyKind;
import org.lookout.problem.ProblemException;

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

    /**
     * The street whose supervisors work what is addressed here: a street office stands for its street (its
     * jurisdiction) and has no client of its own; empty for an agency, which its own client works.
     */
    public Optional<String> workedByStreet() {
        return kind == AgencyKind.STREET_OFFICE ? Optional.of(jurisdiction) : Optional.empty();
    }

    /**
     * Who acts for an entry of the directory (issue 13): every active agency through its own client of the realm, a
     * street office through its street's supervisors, never a client. 422 naming {@code oidcClientId} otherwise.
     */
    public static void checkActsThrough(AgencyKind kind, String oidcClientId, boolean active) {
        if (kind == AgencyKind.STREET_OFFICE && oidcClientId != null) {
            throw ProblemException.unprocessable("oidcClientId",
                    "must be absent for a street office: the street's supervisors work its escalations");
        }
        if (kind != AgencyKind.STREET_OFFICE && active && oidcClientId == null) {
            throw ProblemException.unprocessable("oidcClientId",
                    "is required for an active agency: every agency acts on its escalations through its own client");
        }
    }
}
