package org.lookout.complaint.rest;

import java.time.Instant;
import java.util.List;

import org.lookout.complaint.service.AnonymousTrackingService;

/** What the holder of an anonymous report's secret sees: where it stands, and the public notes — nothing else. */
public record TrackingView(String trackingNumber, String status, String itemCode, Instant receivedAt,
        Instant resolvedAt, List<PublicNote> publicNotes) {

    public record PublicNote(Instant at, String text) {
    }

    static TrackingView of(AnonymousTrackingService.Tracked tracked) {
        var report = tracked.report();
        return new TrackingView(report.trackingNumber, report.status.name(), report.itemCode, report.receivedAt,
                report.resolvedAt, tracked.publicNotes().stream().map(note -> new PublicNote(note.at, note.note))
                        .toList());
    }
}
