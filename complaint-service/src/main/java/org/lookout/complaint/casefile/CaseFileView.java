package org.lookout.complaint.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lookout.complaint.attachment.AttachmentView;
import org.lookout.complaint.domain.CaseHistoryEntry;
import org.lookout.complaint.domain.CasePart;
import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;
import org.lookout.complaint.lifecycle.ReportView;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A report's case file as the agency of a part of its escalation reads it: what, where (address, building or unit,
 * coordinates), the description, the public notes, the photos and documents (download each under
 * {@code attachments/{id}}), the escalation's parts and history — never who reported it (no filer, no name, no phone,
 * no tracking code). {@code readableUntil}: when the agency's access ends (absent while its part is open).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFileView(UUID escalationId, String partKind, Instant readableUntil, UUID reportId,
        String trackingNumber, String status, String itemCode, String categoryCode, String communityCode, String title,
        String description, ReportView.LocationView location, Instant occurredAt, Instant receivedAt,
        List<PublicNote> publicNotes, List<AttachmentView> attachments, List<Part> parts, List<HistoryLine> history) {

    /** A note staff made public on the report. */
    public record PublicNote(Instant at, String text) {

        static PublicNote of(ReportHistoryEntry note) {
            return new PublicNote(note.at, note.note);
        }
    }

    /** An agency's part of the escalation. */
    public record Part(String agencyCode, String agencyKind, String kind, boolean lead, String status,
            Instant closedAt) {

        static Part of(CasePart part) {
            return new Part(part.agencyCode, part.agencyKind.name(), part.kind.name(), part.lead, part.status.name(),
                    part.closedAt);
        }
    }

    /** One event of the escalation's life (the same references as on the agency's topic). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryLine(Instant at, String event, String agencyCode, String partKind, String partStatus,
            String escalationStatus, String outcome, String returnReason) {

        static HistoryLine of(CaseHistoryEntry entry) {
            return new HistoryLine(entry.at, entry.eventType, entry.agencyCode, name(entry.partKind),
                    name(entry.partStatus), name(entry.escalationStatus), name(entry.outcome),
                    name(entry.returnReason));
        }
    }

    static CaseFileView of(CasePart part, Instant readableUntil, Report report, List<ReportHistoryEntry> publicNotes,
            List<AttachmentView> attachments, List<CasePart> parts, List<CaseHistoryEntry> history) {
        return new CaseFileView(part.escalationId, part.kind.name(), readableUntil, report.id, report.trackingNumber,
                report.status.name(), report.itemCode, report.categoryCode, report.communityCode, report.title,
                report.description,
                new ReportView.LocationView(report.address, report.building, report.latitude, report.longitude),
                report.occurredAt, report.receivedAt, publicNotes.stream().map(PublicNote::of).toList(), attachments,
                parts.stream().map(Part::of).toList(), history.stream().map(HistoryLine::of).toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
