package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo or document of a report, its type judged from its first bytes, never from its name. */
@Entity
@Table(name = "report_attachment")
public class ReportAttachment {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public int size;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public byte[] content;

    /** Keyed pseudonym of the uploading account, never the account itself. */
    @Column(name = "uploaded_by_ref", nullable = false)
    public String uploadedByRef;

    @Column(name = "uploaded_by_role", nullable = false)
    public String uploadedByRole;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
