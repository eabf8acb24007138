package org.lookout.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lookout.complaint.domain.ReportStatus.ACCEPTED;
import static org.lookout.complaint.domain.ReportStatus.ASSIGNED;
import static org.lookout.complaint.domain.ReportStatus.CLOSED;
import static org.lookout.complaint.domain.ReportStatus.CLOSED_UNRESOLVABLE;
import static org.lookout.complaint.domain.ReportStatus.ESCALATED;
import static org.lookout.complaint.domain.ReportStatus.RECEIVED;
import static org.lookout.complaint.domain.ReportStatus.REJECTED;
import static org.lookout.complaint.domain.ReportStatus.REOPENED;
import static org.lookout.complaint.domain.ReportStatus.RESOLVED;
import static org.lookout.complaint.domain.ReportStatus.RESPONDED;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lookout.contracts.Channel;
import org.lookout.contracts.ClockKind;
import org.lookout.contracts.Outcome;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;

/**
 * Every state of a report × every move {@link Report} offers, against the lifecycle of ARCHITECTURE §5 written out here
 * independently of {@link ReportStatus}'s table; plain JUnit, no Quarkus. A refused move is a 409
 * {@code illegal-transition} naming the state, the action and the states that may follow, and changes nothing.
 */
class ReportTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-02-13T01:00:00Z");
    private static final Instant AT = RECEIVED_AT.plus(Duration.ofHours(5));
    private static final UUID ESCALATION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final String LEAD_AGENCY = "psb-district";

    /** The states that may follow each state: what a refusal names as {@code allowed}, in lifecycle order. */
    private static final Map<ReportStatus, List<String>> NEXT = Map.of(
            RECEIVED, List.of("ACCEPTED", "REJECTED", "ESCALATED"),
            ACCEPTED, List.of("ASSIGNED", "RESPONDED", "REJECTED", "ESCALATED"),
            ASSIGNED, List.of("ASSIGNED", "RESPONDED", "ESCALATED"),
            RESPONDED, List.of("RESOLVED", "CLOSED_UNRESOLVABLE", "ESCALATED"),
            RESOLVED, List.of("CLOSED", "REOPENED"),
            ESCALATED, List.of("ASSIGNED", "RESPONDED", "RESOLVED"),
            REOPENED, List.of("ASSIGNED", "ESCALATED"),
            CLOSED, List.of(),
            CLOSED_UNRESOLVABLE, List.of(),
            REJECTED, List.of());

    /** Each move: what it is called in a refusal, and from which state it leads where (nowhere else). */
    enum Move {
        ACCEPT("accept", Report::accept, Map.of(RECEIVED, ACCEPTED)),
        REJECT("reject", report -> report.reject(RejectReason.SPAM, null), Map.of(RECEIVED, REJECTED, ACCEPTED, REJECTED)),
        ASSIGN("assign", report -> report.assign(AssigneeUnit.VOLUNTEER, null),
                Map.of(ACCEPTED, ASSIGNED, ASSIGNED, ASSIGNED, REOPENED, ASSIGNED, ESCALATED, ASSIGNED)),
        RESPOND("respond", report -> report.respond(ResponseKind.ON_SITE_VISIT, AT),
                Map.of(ACCEPTED, RESPONDED, ASSIGNED, RESPONDED, ESCALATED, RESPONDED)),
        RESOLVE("resolve", report -> report.resolve(AT, "bulb replaced"), Map.of(RESPONDED, RESOLVED, ESCALATED, RESOLVED)),
        CLOSE("close", report -> report.close(AT), Map.of(RESOLVED, CLOSED)),
        CLOSE_UNRESOLVABLE("close as not resolvable", report -> report.closeUnresolvable(AT),
                Map.of(RESPONDED, CLOSED_UNRESOLVABLE)),
        RATE_SATISFIED("rate", report -> report.rate(true, AT), Map.of(RESOLVED, CLOSED)),
        RATE_NOT_SATISFIED("rate", report -> report.rate(false, AT), Map.of(RESOLVED, REOPENED)),
        FOLLOW_UP_SATISFIED("record a follow-up", report -> report.followUp(true, AT), Map.of(RESOLVED, CLOSED)),
        FOLLOW_UP_NOT_SATISFIED("record a follow-up", report -> report.followUp(false, AT), Map.of(RESOLVED, REOPENED)),
        REOPEN("reopen", Report::reopen, Map.of(RESOLVED, REOPENED)),
        AUTO_CLOSE("close without a rating", report -> report.autoClose(AT), Map.of(RESOLVED, CLOSED)),
        ESCALATE("escalate", report -> report.escalateTo(ESCALATION, LEAD_AGENCY), Map.of(RECEIVED, ESCALATED,
                ACCEPTED, ESCALATED, ASSIGNED, ESCALATED, RESPONDED, ESCALATED, REOPENED, ESCALATED)),
        AGENCY_RESOLVED("take the agency's outcome", report -> report.agencyResolved(Outcome.HANDLED, AT),
                Map.of(ESCALATED, RESOLVED)),
        AGENCY_NOT_RESOLVABLE("take the agency's outcome", report -> report.agencyResolved(Outcome.NOT_RESOLVABLE, AT),
                Map.of(ESCALATED, RESPONDED)),
        RETURN_TO_COMMUNITY("return to the community", Report::returnToCommunity, Map.of(ESCALATED, ASSIGNED));

        final String action;
        final Consumer<Report> apply;
        final Map<ReportStatus, ReportStatus> leads;

        Move(String action, Consumer<Report> apply, Map<ReportStatus, ReportStatus> leads) {
            this.action = action;
            this.apply = apply;
            this.leads = leads;
        }
    }

    static Stream<Arguments> everyStateAndMove() {
        return Arrays.stream(ReportStatus.values())
                .flatMap(state -> Arrays.stream(Move.values()).map(move -> Arguments.of(state, move)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndMove")
    void eachMoveGoesWhereTheLifecycleSaysOrIsRefusedChangingNothing(ReportStatus state, Move move) {
        Report report = reportIn(state);
        ReportStatus target = move.leads.get(state);

        if (target != null) {
            move.apply.accept(report);
            assertThat(report.status).isEqualTo(target);
            return;
        }
        Report before = reportIn(state);
        assertThatThrownBy(() -> move.apply.accept(report))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION);
                    assertThat(refusal.status()).isEqualTo(409);
                    assertThat(refusal.extensions()).containsEntry("from", state.name())
                            .containsEntry("action", move.action).containsEntry("allowed", NEXT.get(state));
                });
        assertThat(report).usingRecursiveComparison().isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void theRefusalNamesTheStatesTheTableAllows(ReportStatus state) {
        assertThat(state.next().stream().sorted().map(Enum::name).toList()).isEqualTo(NEXT.get(state));
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void staffWaitForTheReporterOnlyWhileTheReportIsHandledAndNotTwice(ReportStatus state) {
        boolean handled = EnumSet.of(ACCEPTED, ASSIGNED, RESPONDED, REOPENED, ESCALATED).contains(state);
        Report report = reportIn(state);

        if (!handled) {
            assertConflict(() -> report.waitForReporter(AT));
            assertConflict(report::reporterAnswered);
            return;
        }
        assertConflict(report::reporterAnswered);
        report.waitForReporter(AT);
        assertThat(report.awaitingReporterSince).isEqualTo(AT);
        assertThat(report.status).isEqualTo(state);
        assertConflict(() -> report.waitForReporter(AT.plusSeconds(60)));
        report.reporterAnswered();
        assertThat(report.awaitingReporterSince).isNull();
    }

    @ParameterizedTest(name = "{1} from {0}, waiting for the reporter")
    @MethodSource("everyStateAndMove")
    void aWaitEndsWhereTheReportCannotWait(ReportStatus state, Move move) {
        Report report = reportIn(state);
        report.awaitingReporterSince = RECEIVED_AT;
        ReportStatus target = move.leads.get(state);
        if (target == null) {
            return;
        }

        move.apply.accept(report);

        boolean canWait = EnumSet.of(ACCEPTED, ASSIGNED, RESPONDED, REOPENED, ESCALATED).contains(target);
        assertThat(report.awaitingReporterSince).isEqualTo(canWait ? RECEIVED_AT : null);
    }

    @Test
    void aRejectionKeepsTheOriginalOnlyForADuplicate() {
        UUID original = UUID.randomUUID();
        Report duplicate = reportIn(RECEIVED);
        duplicate.reject(RejectReason.DUPLICATE, original);
        Report spam = reportIn(RECEIVED);
        spam.reject(RejectReason.SPAM, original);

        assertThat(duplicate.rejectReason).isEqualTo(RejectReason.DUPLICATE);
        assertThat(duplicate.duplicateOf).isEqualTo(original);
        assertThat(spam.duplicateOf).isNull();
    }

    @Test
    void anAssignmentNamesTheStaffMemberOnlyWhenStaffHandleIt() {
        Report toStaff = reportIn(ACCEPTED);
        toStaff.assign(AssigneeUnit.STAFF, "staff-2");
        Report toUnit = reportIn(ASSIGNED);
        toUnit.assigneeStaff = "staff-2";
        toUnit.assign(AssigneeUnit.PROPERTY_COMPANY, "staff-2");

        assertThat(toStaff.assigneeStaff).isEqualTo("staff-2");
        assertThat(toUnit.assigneeUnit).isEqualTo(AssigneeUnit.PROPERTY_COMPANY);
        assertThat(toUnit.assigneeStaff).isNull();
    }

    @Test
    void aResponseBeforeReceiptIsABadRequestAndChangesNothing() {
        Report report = reportIn(ACCEPTED);

        assertThatThrownBy(() -> report.respond(ResponseKind.FIRST_CONTACT, RECEIVED_AT.minusSeconds(1)))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(400);
                    assertThat(refusal.errors()).extracting("field").containsExactly("respondedAt");
                });
        assertThat(report.status).isEqualTo(ACCEPTED);
        assertThat(report.respondedAt).isNull();

        report.respond(ResponseKind.FIRST_CONTACT, AT);
        assertThat(report.responseKind).isEqualTo(ResponseKind.FIRST_CONTACT);
        assertThat(report.respondedAt).isEqualTo(AT);
    }

    @Test
    void aResolutionAsksForANewRatingAndTheRatingClosesOrReopens() {
        Report report = reportIn(RESPONDED);
        report.satisfied = false;

        report.resolve(AT, "  wiring repaired ");
        assertThat(report.resolution).isEqualTo("wiring repaired");
        assertThat(report.resolvedAt).isEqualTo(AT);
        assertThat(report.satisfied).isNull();

        report.rate(false, AT.plusSeconds(60));
        assertThat(report.status).isEqualTo(REOPENED);
        assertThat(report.satisfied).isFalse();
        assertThat(report.closedAt).isNull();

        Report satisfied = reportIn(RESOLVED);
        satisfied.rate(true, AT);
        assertThat(satisfied.satisfied).isTrue();
        assertThat(satisfied.closedAt).isEqualTo(AT);
    }

    @Test
    void closingWithoutARatingLeavesItUnrated() {
        Report report = reportIn(RESOLVED);

        report.autoClose(AT);

        assertThat(report.closedAt).isEqualTo(AT);
        assertThat(report.satisfied).isNull();
    }

    @Test
    void anEscalationIsWaitedForAndItsOutcomeTaken() {
        Report report = reportIn(ASSIGNED);
        report.escalationOutcome = "PENALISED";

        report.escalateTo(ESCALATION, LEAD_AGENCY);
        assertThat(report.escalationId).isEqualTo(ESCALATION);
        assertThat(report.escalationAgency).isEqualTo(LEAD_AGENCY);
        assertThat(report.escalationOutcome).isNull();
        assertThat(report.waitsFor(ESCALATION)).isTrue();
        assertThat(report.waitsFor(UUID.randomUUID())).isFalse();
        assertThat(report.canEscalate()).isFalse();

        report.agencyResolved(Outcome.HANDLED, AT);
        assertThat(report.escalationOutcome).isEqualTo("HANDLED");
        assertThat(report.resolvedAt).isEqualTo(AT);
        assertThat(report.waitsFor(ESCALATION)).isFalse();

        Report notResolvable = reportIn(ESCALATED);
        notResolvable.agencyResolved(Outcome.NOT_RESOLVABLE, AT);
        assertThat(notResolvable.escalationOutcome).isEqualTo("NOT_RESOLVABLE");
        assertThat(notResolvable.resolvedAt).isNull();
    }

    @Test
    void theClocksDueTimesAndBreachesAreKeptAndARestartForgetsTheBreach() {
        Report report = reportIn(ACCEPTED);
        Instant due = AT.plus(Duration.ofDays(1));

        report.clockScheduled(ClockKind.RESPONSE, due, false, true);
        report.clockBreached(ClockKind.RESPONSE, due);
        report.clockBreached(ClockKind.RESOLUTION, due);
        report.clockScheduled(ClockKind.RESOLUTION, due.plus(Duration.ofDays(3)), true, false);

        assertThat(report.responseDueAt).isEqualTo(due);
        assertThat(report.responseBreachedAt).isEqualTo(due);
        assertThat(report.resolutionDueAt).isEqualTo(due.plus(Duration.ofDays(3)));
        assertThat(report.resolutionBreachedAt).isNull();
        assertThat(report.dueProvisional).as("once provisional, the report says so").isTrue();
    }

    @Test
    void aFirstContactIsAResponseAndTheOnSiteVisitThatFollowsIsRecordedWithoutAMove() {
        Report report = reportIn(ASSIGNED);

        report.respond(ResponseKind.FIRST_CONTACT, AT);
        assertThat(report.status).isEqualTo(RESPONDED);
        assertThat(report.firstContactAt).isEqualTo(AT);
        assertThat(report.onSiteAt).isNull();
        assertThat(report.awaitsOnSiteVisit()).isTrue();

        assertThatThrownBy(() -> report.visitOnSite(RECEIVED_AT.minusSeconds(1)))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.status()).isEqualTo(400));
        report.visitOnSite(AT.plusSeconds(3600));
        assertThat(report.status).isEqualTo(RESPONDED);
        assertThat(report.onSiteAt).isEqualTo(AT.plusSeconds(3600));
        assertThat(report.respondedAt).as("the first response stays the response").isEqualTo(AT);
        assertConflict(() -> report.visitOnSite(AT.plusSeconds(7200)));

        Report onSite = reportIn(ACCEPTED);
        onSite.respond(ResponseKind.ON_SITE_VISIT, AT);
        assertThat(onSite.onSiteAt).isEqualTo(AT);
        assertThat(onSite.firstContactAt).isNull();
        assertConflict(() -> onSite.visitOnSite(AT));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void staffFollowUpOnlyWhereSomeoneElseFiledForTheReporter(Channel channel) {
        boolean followedUp = EnumSet.of(Channel.PHONE, Channel.VISIT, Channel.LETTER, Channel.LOOKOUT).contains(channel);
        Report report = reportIn(RESOLVED);
        report.channel = channel;

        if (!followedUp) {
            assertConflict(() -> report.followUp(true, AT));
            assertThat(report.status).isEqualTo(RESOLVED);
            return;
        }
        report.followUp(true, AT);
        assertThat(report.status).isEqualTo(CLOSED);
        assertThat(report.satisfied).isTrue();
        assertThat(report.ratedBy).isEqualTo(RatedBy.FOLLOW_UP);
        assertThat(report.ratedAt).isEqualTo(AT);

        Report anonymous = reportIn(RESOLVED);
        anonymous.channel = channel;
        anonymous.anonymous = true;
        assertConflict(() -> anonymous.followUp(true, AT));
    }

    @Test
    void aNewResolutionForgetsWhoRatedTheLastOne() {
        Report report = reportIn(RESOLVED);
        report.followUp(false, AT);
        assertThat(report.ratedBy).isEqualTo(RatedBy.FOLLOW_UP);

        report.assign(AssigneeUnit.VOLUNTEER, null);
        report.respond(ResponseKind.ON_SITE_VISIT, AT);
        report.resolve(AT.plusSeconds(60), "done again");
        assertThat(report.satisfied).isNull();
        assertThat(report.ratedBy).isNull();
        assertThat(report.ratedAt).isNull();

        report.rate(true, AT.plusSeconds(120));
        assertThat(report.ratedBy).isEqualTo(RatedBy.REPORTER);
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyAnOpenReportOfTheCommunityJoinsAnActionAndItLeavesBeforeItIsResolved(ReportStatus state) {
        UUID action = UUID.randomUUID();
        boolean joins = EnumSet.of(RECEIVED, ACCEPTED, ASSIGNED, RESPONDED, REOPENED).contains(state);
        Report report = reportIn(state);

        if (!joins) {
            assertConflict(() -> report.joinAction(action));
            assertThat(report.actionId).isNull();
        } else {
            report.joinAction(action);
            assertThat(report.actionId).isEqualTo(action);
            assertConflict(() -> report.joinAction(UUID.randomUUID()));
            report.leaveAction();
            assertThat(report.actionId).isNull();
        }
        assertConflict(report::leaveAction);

        Report resolvedInAction = reportIn(state);
        resolvedInAction.actionId = action;
        boolean leaves = EnumSet.of(RECEIVED, ACCEPTED, ASSIGNED, RESPONDED, REOPENED, ESCALATED).contains(state);
        if (leaves) {
            resolvedInAction.leaveAction();
            assertThat(resolvedInAction.actionId).isNull();
        } else {
            assertConflict(resolvedInAction::leaveAction);
            assertThat(resolvedInAction.actionId).isEqualTo(action);
        }

        Report confidential = reportIn(state);
        confidential.confidential = true;
        assertConflict(() -> confidential.joinAction(action));
    }

    @Test
    void aWarningIsKeptUntilTheClockRestarts() {
        Report report = reportIn(ACCEPTED);
        report.clockWarned(ClockKind.RESPONSE, AT);
        report.clockWarned(ClockKind.RESOLUTION, AT);
        report.clockScheduled(ClockKind.RESPONSE, AT.plusSeconds(60), false, false);
        report.clockScheduled(ClockKind.RESOLUTION, AT.plusSeconds(60), true, false);

        assertThat(report.responseWarnedAt).isEqualTo(AT);
        assertThat(report.resolutionWarnedAt).isNull();
    }

    private static void assertConflict(Runnable move) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(ProblemException.class,
                refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.CONFLICT));
    }

    private static Report reportIn(ReportStatus state) {
        Report report = new Report();
        report.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        report.status = state;
        report.receivedAt = RECEIVED_AT;
        report.escalationId = state == ESCALATED ? ESCALATION : null;
        report.channel = Channel.PHONE;
        report.trackingNumber = "DCY-2026-000001";
        return report;
    }

    @Test
    void everyStateIsCovered() {
        assertThat(NEXT.keySet()).isEqualTo(Set.of(ReportStatus.values()));
    }
}
