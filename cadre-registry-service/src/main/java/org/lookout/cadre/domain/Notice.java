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

import org.lookout.cadre.domain.NoticeStatus.Action;
import org.lookout.contracts.NoticeKind;
import org.lookout.problem.ProblemException;

/**
 * 三进社区: an inspection preview, a pre-appointment publicity or an award nomination about an official, published in
 * the official's community with a window in which residents and lookouts comment. Each comment becomes a supervision
 * record.
 */
@Entity
@Table(name = "notice")
public class Notice {

    public static final Transitions<NoticeStatus, Action> TRANSITIONS = Transitions
            .of(NoticeStatus.class, Action.class)
            .on(Action.WITHDRAW, NoticeStatus.WITHDRAWN, NoticeStatus.PUBLISHED)
            .build();

    @Id
    public UUID id;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeStatus status;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public int version;

    public static Notice publish(Official official, NoticeKind kind, String title, String body, Instant windowStart,
            Instant windowEnd, Instant at, String inspector) {
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.officialId = official.id;
        notice.communityCode = official.communityCode;
        notice.kind = kind;
        notice.title = title;
        notice.body = body;
        notice.windowStart = windowStart;
        notice.windowEnd = windowEnd;
        notice.status = NoticeStatus.PUBLISHED;
        notice.publishedAt = at;
        notice.publishedBy = inspector;
        return notice;
    }

    public void withdraw(Instant at, String inspector, String reason) {
        status = TRANSITIONS.apply(status, Action.WITHDRAW);
        withdrawnAt = at;
        withdrawnBy = inspector;
        withdrawalReason = reason;
    }

    /** A comment is taken while the notice is published and {@code at} lies in {@code [windowStart, windowEnd)}; else 409. */
    public void checkOpenForComments(Instant at) {
        if (status != NoticeStatus.PUBLISHED) {
            throw ProblemException.conflict("the notice was withdrawn: comments are closed");
        }
        if (at.isBefore(windowStart) || !at.isBefore(windowEnd)) {
            throw ProblemException.conflict("comments are taken from " + windowStart + " until " + windowEnd);
        }
    }
}
