package org.lookout.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.domain.ReportStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pair of states, against the table of ARCHITECTURE §5 written out independently of the enum. */
class ReportStatusTest {

    private static final Map<ReportStatus, Set<ReportStatus>> EXPECTED = Map.of(
            RECEIVED, EnumSet.of(ACCEPTED, REJECTED, ESCALATED),
            ACCEPTED, EnumSet.of(ASSIGNED, RESPONDED, ESCALATED, REJECTED),
            ASSIGNED, EnumSet.of(ASSIGNED, RESPONDED, ESCALATED),
            RESPONDED, EnumSet.of(RESOLVED, ESCALATED, CLOSED_UNRESOLVABLE),
            ESCALATED, EnumSet.of(RESPONDED, RESOLVED, ASSIGNED),
            RESOLVED, EnumSet.of(CLOSED, REOPENED),
            REOPENED, EnumSet.of(ASSIGNED, ESCALATED),
            CLOSED, EnumSet.noneOf(ReportStatus.class),
            CLOSED_UNRESOLVABLE, EnumSet.noneOf(ReportStatus.class),
            REJECTED, EnumSet.noneOf(ReportStatus.class));

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void allowsExactlyTheTransitionsOfTheLifecycle(ReportStatus from) {
        for (ReportStatus to : ReportStatus.values()) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(EXPECTED.get(from).contains(to));
        }
        assertThat(from.next()).isEqualTo(EXPECTED.get(from));
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = { "CLOSED", "CLOSED_UNRESOLVABLE", "REJECTED" })
    void endStatesAreFinal(ReportStatus end) {
        assertThat(end.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = { "CLOSED", "CLOSED_UNRESOLVABLE", "REJECTED" }, mode = EnumSource.Mode.EXCLUDE)
    void everyOtherStateLeadsSomewhere(ReportStatus state) {
        assertThat(state.isFinal()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void staffWaitForTheReporterOnlyWhileTheReportIsHandled(ReportStatus state) {
        Set<ReportStatus> waiting = EnumSet.of(ACCEPTED, ASSIGNED, RESPONDED, REOPENED, ESCALATED);
        assertThat(state.allowsWaitingForReporter()).as("%s", state).isEqualTo(waiting.contains(state));
    }
}
