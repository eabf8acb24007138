package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One action for many reports (集中办理): the gas alarms installed for thirty households that lookouts reported one by
 * one. Staff group open reports of their community into it and work it once; every report of it makes each move itself
 * ({@link Report#joinAction}, {@link Report#leaveAction}), with its own history, events and rating request. What the
 * action has reached is read from its reports, never stored twice.
 */
@Entity
@Table(name = "report_action")
public class ReportAction {

    @Id
    public UUID id;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    /** What the action is about; its reports may be filed under neighbouring items. */
    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(nullable = false)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Each report of the action carries its own version; this one guards the action's own fields. */
    @Version
    public int version;
}
