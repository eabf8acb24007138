package org.lookout.escalation.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The SLA board of a street or a community at {@code at}: its totals, the clocks warned or breached now (the most
 * urgent first, at most {@code lookout.escalation.board-list-limit}), the escalations waiting per agency (or street)
 * with their deadlines, and per community its counts and the oldest open report. Reports about officials count nowhere
 * here: they start no community clock, and their escalations are the discipline organs'.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoardView(Instant at, String street, String community, Totals totals, List<ClockAtRisk> clocks,
        List<AgencyQueue> agencies, List<CommunityFigures> communities) {

    /**
     * The board's sums: reports with an open clock (running, paused, or breached and not yet done), clocks warned now
     * (running or paused, past their warning point) and breached now (their work not done), escalations waiting for an
     * agency or the street (open, acknowledged or overdue) and of those the overdue.
     */
    public record Totals(long openReports, long warned, long breached, long escalationsWaiting,
            long escalationsOverdue) {
    }

    /** A clock warned or breached now; {@code risk} WARNED or BREACHED, {@code state} the clock's own. */
    public record ClockAtRisk(UUID reportId, String communityCode, String itemCode, String kind, String risk,
            String state, Instant startedAt, Instant warnAt, Instant dueAt, Instant warnedAt, Instant breachedAt) {
    }

    /**
     * What waits for one addressee: an agency, or a street's office ({@code streetCode}: its supervisors work it). Its
     * parts waiting and overdue, the nearest deadline, and the escalations themselves by deadline (at most the list
     * limit).
     */
    public record AgencyQueue(String agencyCode, String agencyKind, String streetCode, long waiting, long overdue,
            Instant nextDueAt, List<Waiting> escalations) {
    }

    /** One escalation waiting for the addressee: its part's state and the escalation's deadline. */
    public record Waiting(UUID escalationId, UUID reportId, String communityCode, String trigger, String partStatus,
            Instant openedAt, Instant dueAt) {
    }

    /** One community of the board, also when nothing is open there. */
    public record CommunityFigures(String communityCode, long openReports, long warned, long breached,
            long escalationsWaiting, long escalationsOverdue, OldestOpen oldestOpen) {
    }

    /** The open report received first ({@code since}: its receipt); null when none is open. */
    public record OldestOpen(UUID reportId, String itemCode, Instant since) {
    }
}
