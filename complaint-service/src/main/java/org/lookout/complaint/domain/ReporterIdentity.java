package org.lookout.complaint.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Name and phone of a reporter that staff recorded for a walk-in, phone or letter report, encrypted at rest; kept apart
 * from the report so that no query of reports ever carries it by accident.
 */
@Entity
@Table(name = "reporter_identity")
public class ReporterIdentity {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    /** The configured key the values are encrypted under; older ids stay readable after a rotation. */
    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(name = "name_enc")
    public byte[] nameEncrypted;

    @Column(name = "phone_enc")
    public byte[] phoneEncrypted;
}
