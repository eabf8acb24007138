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

/**
 * A tip-off about an official: a report of the cadre-conduct item. It refers to the report and never holds anything that
 * identifies the reporter, so neither the official nor community staff can learn who it was from here.
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
}
