package org.lookout.complaint.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.lookout.contracts.Channel;
import org.lookout.contracts.ClockKind;
import org.lookout.contracts.Outcome;
import org.lookout.problem.ProblemException;

/**
 * A report in the community's ledger, and the one place its life (ARCHITECTURE §5) is applied: each method below is a
 * move of {@link ReportStatus}'s table with every field it changes, and refuses a move the table does not allow with a
 * 409 {@code illegal-transition} problem naming the state, the action and the states that may follow. Services load
 * the report, check who may act, call one method, record the history and publish. It never leaves the service:
 * resources map it to a view, events to a payload.
 */
@Entity
@Table(name = "report")
public class Report {

    /** The channels on which someone other than the reporter filed the report: staff follow up with the reporter. */
    public static final Set<Channel> FOLLOWED_UP_BY_STAFF = Collections.unmodifiableSet(
            EnumSet.of(Channel.PHONE, Channel.VISIT, Channel.LETTER, Channel.LOOKOUT));

    /** The states in which a report may join an action: open and with the community (not with an agency). */
    static final Set<ReportStatus> JOINS_ACTIONS = Collections.unmodifiableSet(EnumSet.of(ReportStatus.RECEIVED,
            ReportStatus.ACCEPTED, ReportStatus.ASSIGNED, ReportStatus.RESPONDED, ReportStatus.REOPENED));

    @Id
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "community_code", nullable = false)
    public String communityCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(nullable = false)
    public boolean anonymous;

    @Column(nullable = false)
    public boolean confidential;

    /** Keyed pseudonym of the filing account; null for anonymous reports. */
    @Column(name = "filed_by_ref")
    public String filedByRef;

    @Column(name = "filed_by_role", nullable = false)
    public String filedByRole;

    public String address;

    public String building;

    public Double latitude;

    public Double longitude;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    public RejectReason rejectReason;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_unit")
    public AssigneeUnit assigneeUnit;

    /** The staff member's account when {@link #assigneeUnit} is STAFF; never on a topic. */
    @Column(name = "assignee_staff")
    public String assigneeStaff;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_kind")
    public ResponseKind responseKind;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(length = 1000)
    public String resolution;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The reporter's rating of the last resolution; null until rated. */
    public Boolean satisfied;

    /** Who recorded {@link #satisfied}: the reporter, or staff following up (回访); null until rated. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rated_by")
    public RatedBy ratedBy;

    @Column(name = "rated_at")
    public Instant ratedAt;

    /**
     * The database's copy of {@link #dueAt()} (the generated column worklists sort by), as it was when the report was
     * read; never written by this service and stale once the report changes in memory: read {@link #dueAt()}. Mapped
     * so that a native {@code select *} of reports reads every column it returns.
     */
    @Column(name = "due_at", insertable = false, updatable = false)
    public Instant dueAtAsStored;

    /** The action (集中办理) the report is worked in together with others; null when worked on its own. */
    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Due time of the response clock, from {@code lookout.escalation.sla-scheduled.v1}; null until known. */
    @Column(name = "response_due_at")
    public Instant responseDueAt;

    /** The first contact with the reporter (a call, a message), if any; it is a response, but not an on-site one. */
    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    /** Someone went on site: the response the seed promises within one working day (the response rate counts it). */
    @Column(name = "on_site_at")
    public Instant onSiteAt;

    /** When the response clock breached ({@code sla-breached}); null while it has not: the response is in time. */
    @Column(name = "response_breached_at")
    public Instant responseBreachedAt;

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "resolution_breached_at")
    public Instant resolutionBreachedAt;

    /** When 75 % of the response clock's time had passed ({@code sla-warned}); cleared when the clock restarts. */
    @Column(name = "response_warned_at")
    public Instant responseWarnedAt;

    @Column(name = "resolution_warned_at")
    public Instant resolutionWarnedAt;

    /** A due time counts days of a year without a loaded holiday notice. */
    @Column(name = "due_provisional", nullable = false)
    public boolean dueProvisional;

    /** The escalation the report waits for ({@code ESCALATED}) or last waited for. */
    @Column(name = "escalation_id")
    public UUID escalationId;

    /** The lead agency of the escalation the report waits for or last waited for; null before (or unknown). */
    @Column(name = "escalation_agency")
    public String escalationAgency;

    /** The agency's outcome code of the last escalation ({@code lookout.escalation.resolved.v1}). */
    @Column(name = "escalation_outcome")
    public String escalationOutcome;

    /** Staff wait for the reporter since then; the SLA clocks are paused. Null when not waiting. */
    @Column(name = "awaiting_reporter_since")
    public Instant awaitingReporterSince;

    @Version
    public int version;

    // -- what staff do (LifecycleService)

    /** {@code RECEIVED → ACCEPTED}: the community takes the report on. */
    public void accept() {
        moveTo(ReportStatus.ACCEPTED, "accept");
    }

    /** {@code → REJECTED}: a duplicate of {@code duplicateOf} (only then kept), out of scope, or spam. */
    public void reject(RejectReason reason, UUID duplicateOf) {
        moveTo(ReportStatus.REJECTED, "reject");
        rejectReason = Objects.requireNonNull(reason, "reason");
        this.duplicateOf = reason == RejectReason.DUPLICATE ? duplicateOf : null;
    }

    /** {@code → ASSIGNED} (again after {@code REOPENED}): to a unit, or to a staff member's account when {@code STAFF}. */
    public void assign(AssigneeUnit unit, String staffMember) {
        moveTo(ReportStatus.ASSIGNED, "assign");
        assigneeUnit = Objects.requireNonNull(unit, "unit");
        assigneeStaff = unit == AssigneeUnit.STAFF ? staffMember : null;
    }

    /**
     * {@code → RESPONDED}: someone went on site or reached the reporter first at {@code at}, which is not before
     * receipt. Either kind is a response (the status moves); only an on-site one counts in the response rate.
     */
    public void respond(ResponseKind kind, Instant at) {
        require(ReportStatus.RESPONDED, "respond");
        requireNotBeforeReceipt(at);
        moveTo(ReportStatus.RESPONDED, "respond");
        responseKind = kind;
        respondedAt = at;
        if (kind == ResponseKind.ON_SITE_VISIT) {
            onSiteAt = at;
        } else {
            firstContactAt = at;
        }
    }

    /** Whether the report was responded to by a first contact and nobody has been on site since. */
    public boolean awaitsOnSiteVisit() {
        return status == ReportStatus.RESPONDED && responseKind == ResponseKind.FIRST_CONTACT && onSiteAt == null;
    }

    /**
     * The on-site visit after a first contact: the report stays {@code RESPONDED} (it was responded to already), the
     * visit is recorded for the response rate. 409 when the report does not wait for one.
     */
    public void visitOnSite(Instant at) {
        if (!awaitsOnSiteVisit()) {
            throw ProblemException.conflict("an on-site visit is recorded here only after a first contact, while the"
                    + " report is RESPONDED and nobody has been on site yet; the report is " + status);
        }
        requireNotBeforeReceipt(at);
        onSiteAt = at;
    }

    /** {@code → RESOLVED} with the result; the reporter is asked for a rating (any earlier one no longer counts). */
    public void resolve(Instant at, String result) {
        moveTo(ReportStatus.RESOLVED, "resolve");
        resolution = result.strip();
        resolved(at);
    }

    /** {@code RESOLVED → CLOSED}: staff close a resolved report. */
    public void close(Instant at) {
        moveTo(ReportStatus.CLOSED, "close");
        closedAt = at;
    }

    /** {@code RESPONDED → CLOSED_UNRESOLVABLE}: the honest end of a report the community cannot solve. */
    public void closeUnresolvable(Instant at) {
        moveTo(ReportStatus.CLOSED_UNRESOLVABLE, "close as not resolvable");
        closedAt = at;
    }

    /**
     * Staff wait for the reporter (more information, access to the flat) from {@code at}: the status stays, the SLA
     * clocks pause. Only while the report is handled, and not twice (409 either way).
     */
    public void waitForReporter(Instant at) {
        requireWaitingAllowed();
        if (awaitingReporterSince != null) {
            throw ProblemException.conflict("the report already waits for the reporter since " + awaitingReporterSince);
        }
        awaitingReporterSince = at;
    }

    /** The reporter answered: the wait ends and the SLA clocks resume (409 when the report does not wait). */
    public void reporterAnswered() {
        requireWaitingAllowed();
        if (awaitingReporterSince == null) {
            throw ProblemException.conflict("the report does not wait for the reporter");
        }
        awaitingReporterSince = null;
    }

    // -- what the reporter does, or staff following up for them

    /** The reporter's rating of a resolved report: satisfied closes it ({@code CLOSED}), not satisfied reopens it. */
    public void rate(boolean satisfied, Instant at) {
        rated(satisfied, at, RatedBy.REPORTER, "rate");
    }

    /** Whether staff follow up with the reporter (回访) rather than the reporter rating it: see {@link #followUp}. */
    public boolean isFollowedUpByStaff() {
        return !anonymous && FOLLOWED_UP_BY_STAFF.contains(channel);
    }

    /**
     * Staff reached the reporter of a report filed by phone, visit, letter or by a lookout for someone (回访) and record
     * the answer: it counts like the reporter's own rating. Reports filed by their reporter through the app, the web or
     * Open311, and anonymous ones, are rated by the reporter (409).
     */
    public void followUp(boolean satisfied, Instant at) {
        if (!isFollowedUpByStaff()) {
            throw ProblemException.conflict(anonymous ? "an anonymous report is rated by its reporter with the tracking"
                    + " code and secret" : "a report filed through " + channel + " is rated by its reporter;"
                    + " staff follow up reports that came by " + FOLLOWED_UP_BY_STAFF);
        }
        rated(satisfied, at, RatedBy.FOLLOW_UP, "record a follow-up");
    }

    private void rated(boolean satisfied, Instant at, RatedBy by, String action) {
        moveTo(satisfied ? ReportStatus.CLOSED : ReportStatus.REOPENED, action);
        this.satisfied = satisfied;
        ratedBy = by;
        ratedAt = at;
        if (satisfied) {
            closedAt = at;
        }
    }

    /** {@code RESOLVED → REOPENED}: the reporter is not satisfied; staff assign it again and its clocks restart. */
    public void reopen() {
        moveTo(ReportStatus.REOPENED, "reopen");
    }

    // -- what happens by itself (the rating window, escalation-service's news)

    /** {@code RESOLVED → CLOSED} when no rating came within the window: {@code satisfied} stays null, not rated. */
    public void autoClose(Instant at) {
        moveTo(ReportStatus.CLOSED, "close without a rating");
        closedAt = at;
    }

    /** Whether an escalation opened now would apply: the report is not resolved, closed or already escalated. */
    public boolean canEscalate() {
        return status.canMoveTo(ReportStatus.ESCALATED);
    }

    /**
     * {@code → ESCALATED}: the report waits for the agencies of {@code escalation}, led by {@code leadAgency}; an
     * earlier outcome is cleared.
     */
    public void escalateTo(UUID escalation, String leadAgency) {
        moveTo(ReportStatus.ESCALATED, "escalate");
        escalationId = escalation;
        escalationAgency = leadAgency;
        escalationOutcome = null;
    }

    /** Whether the report waits for exactly this escalation (news of any other one is history only). */
    public boolean waitsFor(UUID escalation) {
        return status == ReportStatus.ESCALATED && Objects.equals(escalationId, escalation);
    }

    /**
     * The escalation it waits for was resolved with the lead agency's {@code outcome}: {@code NOT_RESOLVABLE} hands it
     * back as {@code RESPONDED} for the community to decide what next; any other outcome resolves it.
     */
    public void agencyResolved(Outcome outcome, Instant at) {
        requireEscalated("take the agency's outcome");
        escalationOutcome = outcome.name();
        if (outcome == Outcome.NOT_RESOLVABLE) {
            moveTo(ReportStatus.RESPONDED, "take the agency's outcome");
        } else {
            moveTo(ReportStatus.RESOLVED, "take the agency's outcome");
            resolved(at);
        }
    }

    /** The escalation it waits for was returned as not the agencies' business: {@code ESCALATED → ASSIGNED}. */
    public void returnToCommunity() {
        requireEscalated("return to the community");
        moveTo(ReportStatus.ASSIGNED, "return to the community");
    }

    /** A clock got a due time; a restart begins the clock afresh, so its earlier warning and breach no longer count. */
    public void clockScheduled(ClockKind kind, Instant dueAt, boolean restarted, boolean provisional) {
        if (kind == ClockKind.RESPONSE) {
            responseDueAt = dueAt;
            responseBreachedAt = restarted ? null : responseBreachedAt;
            responseWarnedAt = restarted ? null : responseWarnedAt;
        } else {
            resolutionDueAt = dueAt;
            resolutionBreachedAt = restarted ? null : resolutionBreachedAt;
            resolutionWarnedAt = restarted ? null : resolutionWarnedAt;
        }
        // once a due time of the report counted days without a holiday notice, the report says so
        dueProvisional = dueProvisional || provisional;
    }

    public void clockWarned(ClockKind kind, Instant at) {
        if (kind == ClockKind.RESPONSE) {
            responseWarnedAt = at;
        } else {
            resolutionWarnedAt = at;
        }
    }

    public void clockBreached(ClockKind kind, Instant at) {
        if (kind == ClockKind.RESPONSE) {
            responseBreachedAt = at;
        } else {
            resolutionBreachedAt = at;
        }
    }

    /**
     * The due time a worklist sorts by: the earliest due time of a clock the report has not met yet (the response clock
     * until someone responded, the resolution clock until it is resolved); null once finished or while none is known.
     * The database keeps the same rule as the generated column {@code report.due_at} (V40), which worklists sort by.
     */
    public Instant dueAt() {
        if (!status.isBeforeResolution()) {
            return null;
        }
        Instant response = respondedAt == null ? responseDueAt : null;
        if (response == null || resolutionDueAt == null) {
            return response == null ? resolutionDueAt : response;
        }
        return response.isBefore(resolutionDueAt) ? response : resolutionDueAt;
    }

    // -- one action for many reports (集中办理)

    /** Whether the report may join an action: open, handled by the community, in no action yet. */
    public boolean canJoinAction() {
        return actionId == null && !confidential && JOINS_ACTIONS.contains(status);
    }

    /** The report is worked together with the others of {@code action} (409 when it cannot join). */
    public void joinAction(UUID action) {
        if (actionId != null) {
            throw ProblemException.conflict("report " + trackingNumber + " is already worked in action " + actionId);
        }
        if (!canJoinAction()) {
            throw ProblemException.conflict("report " + trackingNumber + " is " + status + (confidential
                    ? " and confidential" : "") + "; only open reports of the community (" + JOINS_ACTIONS
                    + ") join an action");
        }
        actionId = Objects.requireNonNull(action, "action");
    }

    /** The report leaves its action and is worked on its own again; only before it is resolved (409). */
    public void leaveAction() {
        if (actionId == null) {
            throw ProblemException.conflict("report " + trackingNumber + " is worked in no action");
        }
        if (!status.isBeforeResolution()) {
            throw ProblemException.conflict("report " + trackingNumber + " is " + status
                    + ": a report leaves its action only before it is resolved");
        }
        actionId = null;
    }

    private void resolved(Instant at) {
        resolvedAt = at;
        satisfied = null;
        ratedBy = null;
        ratedAt = null;
    }

    private void requireNotBeforeReceipt(Instant at) {
        if (at.isBefore(receivedAt)) {
            throw ProblemException.badRequest("respondedAt", "is before the report was received");
        }
    }

    private void requireEscalated(String action) {
        if (status != ReportStatus.ESCALATED) {
            throw ProblemException.illegalTransition(status, action, status.next());
        }
    }

    private void requireWaitingAllowed() {
        if (!status.allowsWaitingForReporter()) {
            throw ProblemException.conflict("a report in " + status + " does not wait for the reporter;"
                    + " only while ACCEPTED, ASSIGNED, RESPONDED, REOPENED or ESCALATED");
        }
    }

    private void require(ReportStatus target, String action) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.illegalTransition(status, action, status.next());
        }
    }

    /** One move of the table; a wait for the reporter ends where it cannot go on (its clocks stop there anyway). */
    private void moveTo(ReportStatus target, String action) {
        require(target, action);
        status = target;
        if (!target.allowsWaitingForReporter()) {
            awaitingReporterSince = null;
        }
    }
}
