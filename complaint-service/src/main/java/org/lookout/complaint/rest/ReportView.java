package org.lookout.complaint.rest;

import java.time.Instant;
import java.util.UUID;

import org.lookout.complaint.domain.Report;

/** A report as its readers see it. The filer's identity is not part of it. */
public record ReportView(UUID id, String trackingNumber, String status, String itemCode, String categoryCode,
        String communityCode, String title, String description, String channel, boolean anonymous, boolean confidential,
        LocationView location, Instant occurredAt, Instant receivedAt) {

    public record LocationView(String address, String building, Double latitude, Double longitude) {
    }

    static ReportView of(Report report) {
        return new ReportView(report.id, report.trackingNumber, report.status.name(), report.itemCode, report.categoryCode,
                report.communityCode, report.title, report.description, report.channel.name(), report.anonymous,
                report.confidential, new LocationView(report.address, report.building, report.latitude, report.longitude),
                report.occurredAt, report.receivedAt);
    }
}
