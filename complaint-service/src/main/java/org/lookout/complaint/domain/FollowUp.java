package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A follow-up (回访): staff reached the reporter of a resolved report and recorded the answer, which counts as the
 * report's rating ({@link Report#followUp}). The comment is the reporter's words: kept here and in the history, never on
 * a topic or in a log.
 */
@Entity
@Table(name = "report_follow_up")
public class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reached_by", nullable = false)
    public ReachedBy reachedBy;

    @Column(nullable = false)
    public boolean satisfied;

    @Column(length = 900)
    public String comment;

    @Column(name = "reached_at", nullable = false)
    public Instant reachedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The staff account that recorded it. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
