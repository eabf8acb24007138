package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A progress note an agency wrote on its part; free text, so it is read through the REST API only. */
@Entity
@Table(name = "escalation_note")
public class EscalationNote {

    @Id
    public UUID id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String note;

    static EscalationNote of(UUID escalationId, String agencyCode, Instant at, String note) {
        EscalationNote written = new EscalationNote();
        written.id = UUID.randomUUID();
        written.escalationId = escalationId;
        written.agencyCode = agencyCode;
        written.at = at;
        written.note = note;
        return written;
    }
}
