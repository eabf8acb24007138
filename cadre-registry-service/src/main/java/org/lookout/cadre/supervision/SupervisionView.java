package org.lookout.cadre.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.SupervisionRecord;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A supervision record as an inspector reads it: where it came from, what it says, what was done and its 12388 limits.
 * Never anything about the reporter but whether they gave their name (the opaque reference and the filer's tracking
 * code are not shown).
 */
@Schema(name = "SupervisionRecord")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupervisionView(UUID id, String source, UUID reportId, String trackingNumber, UUID noticeId,
        String communityCode, Instant receivedAt, boolean realName, String content, UUID officialId, String status,
        String findings, Instant acceptedAt, Instant forwardedAt, Boolean accusedHeadsReceivingBody, UUID escalationId,
        String disposition, String outcome, String summary, Boolean substantiated, Instant concludedAt,
        Instant acceptanceDueAt, Instant forwardingDueAt, Boolean dueProvisional, List<String> overdueLimits) {

    public static SupervisionView of(SupervisionRecord record) {
        List<String> overdue = new ArrayList<>();
        if (record.forwardingOverdueAt != null) {
            overdue.add("FORWARDING");
        }
        if (record.acceptanceOverdueAt != null) {
            overdue.add("ACCEPTANCE");
        }
        return new SupervisionView(record.id, record.source.name(), record.reportId, record.trackingNumber,
                record.noticeId, record.communityCode, record.receivedAt, record.realName, record.content,
                record.officialId, record.status.name(), record.findings, record.acceptedAt, record.forwardedAt,
                record.accusedHeadsReceivingBody, record.escalationId,
                record.disposition == null ? null : record.disposition.name(),
                record.outcome == null ? null : record.outcome.name(), record.summary, record.substantiated,
                record.concludedAt, record.acceptanceDueAt, record.forwardingDueAt, record.dueProvisional, overdue);
    }
}
