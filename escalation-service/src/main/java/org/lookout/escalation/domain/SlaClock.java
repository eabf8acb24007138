package org.lookout.escalation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service-level clock of one report. It never leaves the service: resources map it to a view. */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    /** Reports about officials: their clocks are not shown to community staff or supervisors. */
    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** 75 % of the working time has passed. */
    @Column(name = "warn_at", nullable = false)
    public Instant warnAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public boolean provisional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    /** When the clock stopped or was cancelled, by the report event's change time; null while it runs. */
    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /** Whether it stopped at or before {@link #dueAt}; null while it runs and for a cancelled clock. */
    @Column(name = "met")
    public Boolean met;

    /** Since when the clock is paused (staff wait for the reporter), by the event's change time; null unless PAUSED. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    @Version
    public int version;
}
