package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A read of a case file (or of one of its attachments) by an agency: who (the token's subject), for which agency, when.
 * The audit of issue 14, a table of the case-file feature until a shared audit library exists.
 */
@Entity
@Table(name = "case_read")
public class CaseRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public String reader;

    /** Null for a read of the case file itself. */
    @Column(name = "attachment_id")
    public UUID attachmentId;

    @Column(nullable = false)
    public Instant at;

    public static CaseRead of(CasePart part, String reader, UUID attachmentId, Instant at) {
        CaseRead read = new CaseRead();
        read.escalationId = part.escalationId;
        read.reportId = part.reportId;
        read.agencyCode = part.agencyCode;
        read.reader = reader;
        read.attachmentId = attachmentId;
        read.at = at;
        return read;
    }
}
