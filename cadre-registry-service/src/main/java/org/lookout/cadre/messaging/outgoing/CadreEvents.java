package org.lookout.cadre.messaging.outgoing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.IntegrityOpinion;
import org.lookout.cadre.domain.Notice;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.contracts.EventType;
import org.lookout.contracts.IntegrityOpinionIssued;
import org.lookout.contracts.IntegrityOpinionOverdue;
import org.lookout.contracts.IntegrityOpinionRequested;
import org.lookout.contracts.NoticePublished;
import org.lookout.contracts.NoticeWithdrawn;
import org.lookout.contracts.OfficialChanged;
import org.lookout.contracts.OfficialRegistered;
import org.lookout.contracts.SupervisionAccepted;
import org.lookout.contracts.SupervisionConcluded;
import org.lookout.contracts.SupervisionLimit;
import org.lookout.contracts.SupervisionOverdue;
import org.lookout.contracts.SupervisionRecorded;
import org.lookout.contracts.TipOffForwarded;
import org.lookout.outbox.Outbox;

import io.smallrye.mutiny.Uni;

/**
 * What the registry tells others on {@code lookout.cadre.v1}, in the transaction of the change: ids and codes only —
 * never an official's name, a phone, a reporter, an inspector or any free text. Keyed by the official, record, opinion or
 * notice id; the tip-off event by its report's id, as escalation-service knows it.
 */
@ApplicationScoped
public class CadreEvents {

    private final Outbox outbox;
    private final CadreConfig config;

    CadreEvents(Outbox outbox, CadreConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> registered(Official official) {
        return outbox.publish(EventType.CADRE_OFFICIAL_REGISTERED, official.id.toString(), official.createdAt,
                new OfficialRegistered(official.id, official.communityCode, official.status, official.source,
                        official.registeredOn, official.createdAt));
    }

    public Uni<Void> changed(Official official, List<String> fields) {
        return outbox.publish(EventType.CADRE_OFFICIAL_CHANGED, official.id.toString(), official.updatedAt,
                new OfficialChanged(official.id, official.communityCode, official.status, fields, official.updatedAt));
    }

    public Uni<Void> recorded(SupervisionRecord record) {
        return outbox.publish(EventType.CADRE_SUPERVISION_RECORDED, record.id.toString(), record.receivedAt,
                new SupervisionRecorded(record.id, record.source, record.reportId, record.communityCode,
                        record.realName, record.receivedAt));
    }

    public Uni<Void> accepted(SupervisionRecord record) {
        return outbox.publish(EventType.CADRE_SUPERVISION_ACCEPTED, record.id.toString(), record.acceptedAt,
                new SupervisionAccepted(record.id, record.reportId, record.communityCode, record.realName,
                        record.acceptedAt));
    }

    /** {@code tip-off-forwarded.v1} as before: the record is the tip-off; a record from no report stands in as its own report. */
    public Uni<Void> forwarded(SupervisionRecord record) {
        String reference = record.escalationReference().toString();
        return outbox.publish(EventType.CADRE_TIP_OFF_FORWARDED, reference, record.forwardedAt,
                new TipOffForwarded(record.id, record.escalationReference(), record.trackingNumber,
                        config.tipOffItemCode(), record.communityCode, Boolean.TRUE.equals(record.accusedHeadsReceivingBody),
                        record.forwardedAt));
    }

    public Uni<Void> concluded(SupervisionRecord record) {
        return outbox.publish(EventType.CADRE_SUPERVISION_CONCLUDED, record.id.toString(), record.concludedAt,
                new SupervisionConcluded(record.id, record.reportId, record.communityCode, record.realName,
                        record.officialId, record.disposition, record.outcome, Boolean.TRUE.equals(record.substantiated),
                        record.concludedAt));
    }

    public Uni<Void> overdue(SupervisionRecord record, SupervisionLimit limit, Instant at) {
        return outbox.publish(EventType.CADRE_SUPERVISION_OVERDUE, record.id.toString(), at,
                new SupervisionOverdue(record.id, record.reportId, record.communityCode, limit,
                        limit == SupervisionLimit.ACCEPTANCE ? record.acceptanceDueAt : record.forwardingDueAt, at));
    }

    public Uni<Void> opinionRequested(IntegrityOpinion opinion) {
        return outbox.publish(EventType.CADRE_INTEGRITY_OPINION_REQUESTED, opinion.id.toString(), opinion.requestedAt,
                new IntegrityOpinionRequested(opinion.id, opinion.officialId, opinion.communityCode,
                        opinion.workingDays, opinion.dueAt, opinion.requestedAt));
    }

    public Uni<Void> opinionIssued(IntegrityOpinion opinion) {
        return outbox.publish(EventType.CADRE_INTEGRITY_OPINION_ISSUED, opinion.id.toString(), opinion.issuedAt,
                new IntegrityOpinionIssued(opinion.id, opinion.officialId, opinion.communityCode, opinion.issuedAt));
    }

    public Uni<Void> opinionOverdue(IntegrityOpinion opinion, Instant at) {
        return outbox.publish(EventType.CADRE_INTEGRITY_OPINION_OVERDUE, opinion.id.toString(), at,
                new IntegrityOpinionOverdue(opinion.id, opinion.officialId, opinion.communityCode, opinion.dueAt, at));
    }

    public Uni<Void> noticePublished(Notice notice) {
        return outbox.publish(EventType.CADRE_NOTICE_PUBLISHED, notice.id.toString(), notice.publishedAt,
                new NoticePublished(notice.id, notice.officialId, notice.communityCode, notice.kind,
                        notice.windowStart, notice.windowEnd, notice.publishedAt));
    }

    public Uni<Void> noticeWithdrawn(Notice notice) {
        return outbox.publish(EventType.CADRE_NOTICE_WITHDRAWN, notice.id.toString(), notice.withdrawnAt,
                new NoticeWithdrawn(notice.id, notice.officialId, notice.communityCode, notice.kind,
                        notice.withdrawnAt));
    }
}
