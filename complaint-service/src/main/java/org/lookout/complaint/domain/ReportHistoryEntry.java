package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a report, or a note (a contact, no status change); the history is append-only. */
@Entity
@Table(name = "report_history")
public class ReportHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReportStatus fromStatus;

    @Enumerated(EnumType.STRING)
    /** Null for a note. */
    @Column(name = "to_status")
    public ReportStatus toStatus;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(length = 2000)
    public String note;

    /** Set for a note: who may read its text. Null for a status change. */
    @Enumerated(EnumType.STRING)
    @Column(name = "note_visibility")
    public NoteVisibility noteVisibility;

    /** A change of the report (or, {@code from} = {@code to}, something that leaves its status); a blank note is none. */
    public static ReportHistoryEntry change(UUID reportId, ReportStatus from, ReportStatus to, String actorRole,
            String note, Instant at) {
        ReportHistoryEntry entry = new ReportHistoryEntry();
        entry.reportId = reportId;
        entry.at = at;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.actorRole = actorRole;
        entry.note = note == null || note.isBlank() ? null : note.strip();
        return entry;
    }

    /** A note: a contact with the report, no status change, readable by {@code visibility}. */
    public static ReportHistoryEntry note(UUID reportId, String actorRole, String text, NoteVisibility visibility,
            Instant at) {
        ReportHistoryEntry entry = change(reportId, null, null, actorRole, text, at);
        entry.noteVisibility = visibility;
        return entry;
    }
}
