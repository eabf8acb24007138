package org.lookout.cadre.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of an official's conduct archive. Never changed or deleted (the table refuses it); a correction is a new
 * entry that {@link #supersedes} it.
 */
@Entity
@Table(name = "archive_entry")
public class ArchiveEntry {

    @Id
    public UUID id;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArchiveKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArchiveSource source;

    @Column(nullable = false)
    public String text;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "supervision_record_id")
    public UUID supervisionRecordId;

    public UUID supersedes;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_role")
    public String recordedByRole;

    /**
     * The concern a substantiated supervision record leaves in the archive of the official it is linked to: found
     * true by the discipline organ (its outcome), or in-house by an inspector (the disposition and the summary).
     */
    public static ArchiveEntry concernOf(SupervisionRecord record, Instant at, ZoneId zone) {
        ArchiveEntry entry = new ArchiveEntry();
        entry.id = UUID.randomUUID();
        entry.officialId = record.officialId;
        entry.kind = ArchiveKind.CONCERN;
        entry.source = record.outcome != null ? ArchiveSource.DISCIPLINE_ORGAN : ArchiveSource.INSPECTOR;
        entry.text = record.outcome != null
                ? "Supervision information found true by the discipline organ (outcome " + record.outcome + ")"
                : "Supervision information found true in-house (" + record.disposition + ")"
                        + (record.summary == null ? "" : ": " + record.summary);
        entry.occurredOn = record.receivedAt.atZone(zone).toLocalDate();
        entry.verified = true;
        entry.reportId = record.reportId;
        entry.supervisionRecordId = record.id;
        entry.recordedAt = at;
        entry.recordedBy = record.outcome != null ? "discipline-organ" : record.concludedBy;
        entry.recordedByRole = record.outcome != null ? null : "inspector";
        return entry;
    }
}
