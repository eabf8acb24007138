package org.lookout.cadre.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.problem.ProblemException;

/**
 * A tip-off about an official: a report of the cadre-conduct item. It refers to the report and never holds anything that
 * identifies the reporter, so neither the official nor community staff can learn who it was from here. It owns its
 * transitions ({@link TipOffStatus#next()}).
 */
@Entity
@Table(name = "tip_off")
public class TipOff {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false, unique = true)
    public UUID reportId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TipOffStatus status;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "forwarded_at")
    public Instant forwardedAt;

    /** The inspector (OIDC subject) who forwarded it. */
    @Column(name = "forwarded_by")
    public String forwardedBy;

    @Column(name = "accused_heads_receiving_body")
    public Boolean accusedHeadsReceivingBody;

    @Version
    public int version;

    /** The tip-off a submitted report about an official makes: references only, nothing about the reporter. */
    public static TipOff received(String eventId, ComplaintSubmitted report) {
        TipOff tipOff = new TipOff();
        tipOff.id = UUID.randomUUID();
        tipOff.reportId = report.reportId();
        tipOff.trackingNumber = report.trackingNumber();
        tipOff.communityCode = report.communityCode();
        tipOff.receivedAt = report.receivedAt();
        tipOff.status = TipOffStatus.RECEIVED;
        tipOff.sourceEventId = eventId;
        return tipOff;
    }

    /**
     * Forwards it to the discipline organs, once: a tip-off that is not {@code RECEIVED} any more is a 409
     * {@code illegal-transition}.
     */
    public void forward(Instant at, String inspector, boolean accusedHeadsReceivingBody) {
        moveTo(TipOffStatus.FORWARDED, "forward");
        forwardedAt = at;
        forwardedBy = inspector;
        this.accusedHeadsReceivingBody = accusedHeadsReceivingBody;
    }

    private void moveTo(TipOffStatus target, String action) {
        if (!status.mayMoveTo(target)) {
            throw ProblemException.illegalTransition(status, action, status.next());
        }
        status = target;
    }
}
