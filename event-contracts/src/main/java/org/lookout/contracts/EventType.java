package org.lookout.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Lookout publishes, with its topic and payload record. A type is past tense and versioned; within a
 * version only optional fields are added. Each constant has a JSON Schema and a golden sample under {@code contracts/}.
 */
public enum EventType {

    COMPLAINT_SUBMITTED("lookout.complaint.submitted.v1", Topics.COMPLAINT, ComplaintSubmitted.class),
    COMPLAINT_ACCEPTED("lookout.complaint.accepted.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_REJECTED("lookout.complaint.rejected.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_ASSIGNED("lookout.complaint.assigned.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_RESPONDED("lookout.complaint.responded.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_RESOLVED("lookout.complaint.resolved.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_RATED("lookout.complaint.rated.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_REOPENED("lookout.complaint.reopened.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_CLOSED("lookout.complaint.closed.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_ESCALATED("lookout.complaint.escalated.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_PAUSED("lookout.complaint.paused.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_RESUMED("lookout.complaint.resumed.v1", Topics.COMPLAINT, ComplaintStatusChanged.class),
    COMPLAINT_ITEM_CHANGED("lookout.complaint.item-changed.v1", Topics.COMPLAINT_REFERENCE, ItemChanged.class),
    COMPLAINT_COMMUNITY_CHANGED("lookout.complaint.community-changed.v1", Topics.COMPLAINT_REFERENCE,
            CommunityChanged.class),
    ESCALATION_SLA_SCHEDULED("lookout.escalation.sla-scheduled.v1", Topics.ESCALATION, SlaScheduled.class),
    ESCALATION_SLA_WARNED("lookout.escalation.sla-warned.v1", Topics.ESCALATION, SlaWarned.class),
    ESCALATION_SLA_BREACHED("lookout.escalation.sla-breached.v1", Topics.ESCALATION, SlaBreached.class),
    ESCALATION_OPENED("lookout.escalation.opened.v1", Topics.ESCALATION, EscalationOpened.class),
    ESCALATION_ACKNOWLEDGED("lookout.escalation.acknowledged.v1", Topics.ESCALATION, EscalationChanged.class),
    ESCALATION_PROGRESSED("lookout.escalation.progressed.v1", Topics.ESCALATION, EscalationChanged.class),
    ESCALATION_RESOLVED("lookout.escalation.resolved.v1", Topics.ESCALATION, EscalationChanged.class),
    ESCALATION_RETURNED("lookout.escalation.returned.v1", Topics.ESCALATION, EscalationChanged.class),
    /** The agency's deadline passed with its part still open: the escalation is {@code OVERDUE}. */
    ESCALATION_DEADLINE_MISSED("lookout.escalation.deadline-missed.v1", Topics.ESCALATION, EscalationChanged.class),
    // -- issue 14, agencies as clients: a report copied to an agency for information (抄送)
    ESCALATION_INFORMED("lookout.escalation.informed.v1", Topics.ESCALATION, EscalationInformed.class),
    CADRE_TIP_OFF_FORWARDED("lookout.cadre.tip-off-forwarded.v1", Topics.CADRE, TipOffForwarded.class),
    // --- the cadre registry (issue 11): officials, supervision records, integrity opinions, public notices
    CADRE_OFFICIAL_REGISTERED("lookout.cadre.official-registered.v1", Topics.CADRE, OfficialRegistered.class),
    CADRE_OFFICIAL_CHANGED("lookout.cadre.official-changed.v1", Topics.CADRE, OfficialChanged.class),
    CADRE_SUPERVISION_RECORDED("lookout.cadre.supervision-recorded.v1", Topics.CADRE, SupervisionRecorded.class),
    CADRE_SUPERVISION_ACCEPTED("lookout.cadre.supervision-accepted.v1", Topics.CADRE, SupervisionAccepted.class),
    CADRE_SUPERVISION_CONCLUDED("lookout.cadre.supervision-concluded.v1", Topics.CADRE, SupervisionConcluded.class),
    /** A 12388 time limit passed unmet; once per record and limit. */
    CADRE_SUPERVISION_OVERDUE("lookout.cadre.supervision-overdue.v1", Topics.CADRE, SupervisionOverdue.class),
    CADRE_INTEGRITY_OPINION_REQUESTED("lookout.cadre.integrity-opinion-requested.v1", Topics.CADRE,
            IntegrityOpinionRequested.class),
    CADRE_INTEGRITY_OPINION_ISSUED("lookout.cadre.integrity-opinion-issued.v1", Topics.CADRE,
            IntegrityOpinionIssued.class),
    CADRE_INTEGRITY_OPINION_OVERDUE("lookout.cadre.integrity-opinion-overdue.v1", Topics.CADRE,
            IntegrityOpinionOverdue.class),
    CADRE_NOTICE_PUBLISHED("lookout.cadre.notice-published.v1", Topics.CADRE, NoticePublished.class),
    CADRE_NOTICE_WITHDRAWN("lookout.cadre.notice-withdrawn.v1", Topics.CADRE, NoticeWithdrawn.class);

    private final String type;
    private final String topic;
    private final Class<?> payload;

    EventType(String type, String topic, Class<?> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> payload() {
        return payload;
    }

    public String schemaResource() {
        return "contracts/schemas/" + type + ".schema.json";
    }

    public String sampleResource() {
        return "contracts/samples/" + type + ".json";
    }

    /**
     * Whether escalation-service also publishes the type on the topic of every agency with a part in the escalation
     * ({@link Topics#agency}): the events of an escalation's life, not the SLA clocks of the community.
     */
    public boolean onAgencyTopics() {
        return payload == EscalationOpened.class || payload == EscalationInformed.class
                || payload == EscalationChanged.class;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
