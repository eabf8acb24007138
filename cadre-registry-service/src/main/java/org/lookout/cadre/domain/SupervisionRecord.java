package org.lookout.cadre.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.cadre.domain.SupervisionStatus.Action;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.Disposition;
import org.lookout.contracts.Outcome;
import org.lookout.contracts.SupervisionLimit;
import org.lookout.contracts.SupervisionSource;

/**
 * 监督信息: what residents, lookouts and information officers say about an official — a {@code cadre-conduct} report,
 * a comment on a public notice, an information officer's entry. Only inspectors read it. It names the reporter at most
 * by the opaque reference complaint-service sent ({@link #reporterRef}: never shown, logged or published); a comment or
 * an entry filed here keeps none, only whether the filer gave their name. It owns its transitions
 * ({@link #TRANSITIONS}) and its 12388 deadlines.
 */
@Entity
@Table(name = "supervision_record")
public class SupervisionRecord {

    public static final Transitions<SupervisionStatus, Action> TRANSITIONS = Transitions
            .of(SupervisionStatus.class, Action.class)
            .on(Action.ACCEPT, SupervisionStatus.ACCEPTED, SupervisionStatus.RECEIVED)
            .on(Action.FORWARD, SupervisionStatus.FORWARDED, SupervisionStatus.RECEIVED, SupervisionStatus.ACCEPTED)
            .on(Action.CONCLUDE, SupervisionStatus.CONCLUDED, SupervisionStatus.ACCEPTED)
            .on(Action.ORGAN_RESOLVED, SupervisionStatus.CONCLUDED, SupervisionStatus.FORWARDED)
            .on(Action.ORGAN_RETURNED, SupervisionStatus.ACCEPTED, SupervisionStatus.FORWARDED)
            .build();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupervisionSource source;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "tracking_number")
    public String trackingNumber;

    /** The filer's code for "accepted / concluded" of a comment or an entry filed here (a report has its own). */
    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "real_name", nullable = false)
    public boolean realName;

    @Column(name = "reporter_ref")
    public String reporterRef;

    /** The free text of a comment or an entry; never logged, never on a topic. */
    public String content;

    @Column(name = "official_id")
    public UUID officialId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupervisionStatus status;

    public String findings;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "forwarded_at")
    public Instant forwardedAt;

    @Column(name = "forwarded_by")
    public String forwardedBy;

    @Column(name = "accused_heads_receiving_body")
    public Boolean accusedHeadsReceivingBody;

    @Column(name = "escalation_id")
    public UUID escalationId;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String summary;

    public Boolean substantiated;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "concluded_by")
    public String concludedBy;

    @Column(name = "acceptance_due_at")
    public Instant acceptanceDueAt;

    @Column(name = "forwarding_due_at")
    public Instant forwardingDueAt;

    @Column(name = "due_provisional")
    public Boolean dueProvisional;

    @Column(name = "acceptance_overdue_at")
    public Instant acceptanceOverdueAt;

    @Column(name = "forwarding_overdue_at")
    public Instant forwardingOverdueAt;

    @Column(name = "source_event_id")
    public String sourceEventId;

    @Version
    public int version;

    /** The record a {@code cadre-conduct} report makes: references only, the reporter's opaque reference kept aside. */
    public static SupervisionRecord ofReport(String eventId, ComplaintSubmitted report) {
        SupervisionRecord record = received(SupervisionSource.REPORT, report.communityCode(), report.receivedAt(),
                !report.anonymous());
        record.reportId = report.reportId();
        record.trackingNumber = report.trackingNumber();
        record.reporterRef = report.anonymous() ? null : report.reporterRef();
        record.sourceEventId = eventId;
        return record;
    }

    /** A comment on a notice or an information officer's entry: the text, whether the filer is named, a tracking code. */
    public static SupervisionRecord filed(SupervisionSource source, String communityCode, Instant at, String content,
            boolean realName, UUID noticeId) {
        SupervisionRecord record = received(source, communityCode, at, realName);
        record.content = content;
        record.noticeId = noticeId;
        record.trackingCode = newTrackingCode();
        return record;
    }

    private static SupervisionRecord received(SupervisionSource source, String communityCode, Instant at,
            boolean realName) {
        SupervisionRecord record = new SupervisionRecord();
        record.id = UUID.randomUUID();
        record.source = source;
        record.communityCode = communityCode;
        record.receivedAt = at;
        record.realName = realName;
        record.status = SupervisionStatus.RECEIVED;
        return record;
    }

    /** 受理: taken up here. */
    public void accept(Instant at, String inspector) {
        status = TRANSITIONS.apply(status, Action.ACCEPT);
        acceptedAt = at;
        acceptedBy = inspector;
    }

    /** Sent to the discipline organ (escalation-service opens the escalation from the tip-off event). */
    public void forward(Instant at, String inspector, boolean accusedHeadsReceivingBody) {
        status = TRANSITIONS.apply(status, Action.FORWARD);
        forwardedAt = at;
        forwardedBy = inspector;
        this.accusedHeadsReceivingBody = accusedHeadsReceivingBody;
    }

    /** Concluded in-house with one of the four dispositions. */
    public void conclude(Instant at, String inspector, Disposition disposition, String summary, boolean substantiated) {
        status = TRANSITIONS.apply(status, Action.CONCLUDE);
        this.disposition = disposition;
        this.summary = summary;
        this.substantiated = substantiated;
        concludedAt = at;
        concludedBy = inspector;
    }

    /** The discipline organ resolved the escalation of this record: its outcome concludes it. */
    public void organResolved(Instant at, Outcome outcome, boolean substantiated) {
        status = TRANSITIONS.apply(status, Action.ORGAN_RESOLVED);
        this.outcome = outcome;
        this.substantiated = substantiated;
        concludedAt = at;
        concludedBy = "discipline-organ";
    }

    /** The discipline organ returned it as not its responsibility: handled here again. */
    public void organReturned() {
        status = TRANSITIONS.apply(status, Action.ORGAN_RETURNED);
        escalationId = null;
    }

    /** The 12388 limits, once escalation-service's calendar answered. */
    public void scheduleDeadlines(Instant acceptanceDue, Instant forwardingDue, boolean provisional) {
        acceptanceDueAt = acceptanceDue;
        forwardingDueAt = forwardingDue;
        dueProvisional = provisional;
    }

    /**
     * Whether the limit has passed unmet at {@code now} and was not announced yet. Both limits are met once the record
     * was accepted or forwarded (the reporter is told either way); a concluded record meets them too.
     */
    public boolean misses(SupervisionLimit limit, Instant now) {
        Instant due = limit == SupervisionLimit.ACCEPTANCE ? acceptanceDueAt : forwardingDueAt;
        Instant announced = limit == SupervisionLimit.ACCEPTANCE ? acceptanceOverdueAt : forwardingOverdueAt;
        return due != null && announced == null && status == SupervisionStatus.RECEIVED && !now.isBefore(due);
    }

    /** Records that the miss was announced, so it is announced once. */
    public void overdue(SupervisionLimit limit, Instant at) {
        if (limit == SupervisionLimit.ACCEPTANCE) {
            acceptanceOverdueAt = at;
        } else {
            forwardingOverdueAt = at;
        }
    }

    /** Whether some limit was missed (listed as overdue). */
    public boolean overdue() {
        return acceptanceOverdueAt != null || forwardingOverdueAt != null;
    }

    /** The id the tip-off event and escalation-service know this record by: its report's, or its own. */
    public UUID escalationReference() {
        return reportId != null ? reportId : id;
    }

    /** 16 characters of an alphabet without look-alikes: 80 bits, unguessable. */
    static String newTrackingCode() {
        StringBuilder code = new StringBuilder("SV-");
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
