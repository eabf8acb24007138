package org.lookout.complaint.tracking;

import java.time.Instant;
import java.util.List;

import org.lookout.complaint.domain.Report;
import org.lookout.complaint.domain.ReportHistoryEntry;

/** What the holder of an anonymous report's secret sees: where it stands, and the public notes — nothing else. */
public record TrackingView(String trackingNumber, String status, String itemCode, Instant receivedAt,
        Instant resolvedAt, List<PublicNote> publicNotes) {

    public record PublicNote(Instant at, String text) {
    }

    static TrackingView of(Report report, List<ReportHistoryEntry> publicNotes) {
        return new TrackingView(report.trackingNumber, report.status.name(), report.itemCode, report.receivedAt,
                report.resolvedAt, publicNotes.stream().map(note -> new PublicNote(note.at, note.note))
                        .toList());
    }
}
