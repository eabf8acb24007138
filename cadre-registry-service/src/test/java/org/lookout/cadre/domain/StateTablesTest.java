package org.lookout.cadre.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lookout.cadre.domain.OpinionStatus.Action;
import org.lookout.contracts.OfficialStatus;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;

/**
 * Every state machine of the registry, every pair, without Quarkus: the expected tables are written out here, apart from
 * the code, so a change to one is a change to both.
 */
class StateTablesTest {

    @Test
    void supervisionRecordsMoveOnlyAsThe12388RoutesAllow() {
        Map<SupervisionStatus, Map<SupervisionStatus.Action, SupervisionStatus>> expected = Map.of(
                SupervisionStatus.RECEIVED, Map.of(
                        SupervisionStatus.Action.ACCEPT, SupervisionStatus.ACCEPTED,
                        SupervisionStatus.Action.FORWARD, SupervisionStatus.FORWARDED),
                SupervisionStatus.ACCEPTED, Map.of(
                        SupervisionStatus.Action.FORWARD, SupervisionStatus.FORWARDED,
                        SupervisionStatus.Action.CONCLUDE, SupervisionStatus.CONCLUDED),
                SupervisionStatus.FORWARDED, Map.of(
                        SupervisionStatus.Action.ORGAN_RESOLVED, SupervisionStatus.CONCLUDED,
                        SupervisionStatus.Action.ORGAN_RETURNED, SupervisionStatus.ACCEPTED),
                SupervisionStatus.CONCLUDED, Map.of());
        for (SupervisionStatus from : SupervisionStatus.values()) {
            for (SupervisionStatus.Action action : SupervisionStatus.Action.values()) {
                assertThat(SupervisionRecord.TRANSITIONS.after(from, action)).as("%s %s", from, action)
                        .isEqualTo(Optional.ofNullable(expected.get(from).get(action)));
            }
        }
        assertThat(SupervisionRecord.TRANSITIONS.next(SupervisionStatus.CONCLUDED)).isEmpty();
    }

    @Test
    void integrityOpinionsAreDraftedIssuedByTheHeadReturnedOrWithdrawn() {
        Map<OpinionStatus, Map<Action, OpinionStatus>> expected = Map.of(
                OpinionStatus.REQUESTED, Map.of(Action.DRAFT, OpinionStatus.DRAFTED,
                        Action.WITHDRAW, OpinionStatus.WITHDRAWN),
                OpinionStatus.DRAFTED, Map.of(Action.DRAFT, OpinionStatus.DRAFTED, Action.ISSUE, OpinionStatus.ISSUED,
                        Action.RETURN, OpinionStatus.REQUESTED, Action.WITHDRAW, OpinionStatus.WITHDRAWN),
                OpinionStatus.ISSUED, Map.of(),
                OpinionStatus.WITHDRAWN, Map.of());
        for (OpinionStatus from : OpinionStatus.values()) {
            for (Action action : Action.values()) {
                assertThat(IntegrityOpinion.TRANSITIONS.after(from, action)).as("%s %s", from, action)
                        .isEqualTo(Optional.ofNullable(expected.get(from).get(action)));
            }
        }
    }

    @Test
    void aNoticeIsWithdrawnOnce() {
        for (NoticeStatus from : NoticeStatus.values()) {
            for (NoticeStatus.Action action : NoticeStatus.Action.values()) {
                assertThat(Notice.TRANSITIONS.after(from, action)).as("%s %s", from, action)
                        .isEqualTo(from == NoticeStatus.PUBLISHED ? Optional.of(NoticeStatus.WITHDRAWN) : Optional.empty());
            }
        }
    }

    @Test
    void anOfficialsRegistrationMovesOnButNeverBack() {
        Map<OfficialStatus, EnumSet<OfficialStatus>> expected = Map.of(
                OfficialStatus.PENDING, EnumSet.of(OfficialStatus.ACTIVE),
                OfficialStatus.ACTIVE, EnumSet.of(OfficialStatus.TRANSFERRED, OfficialStatus.RETIRED,
                        OfficialStatus.DECEASED),
                OfficialStatus.TRANSFERRED, EnumSet.of(OfficialStatus.ACTIVE, OfficialStatus.RETIRED,
                        OfficialStatus.DECEASED),
                OfficialStatus.RETIRED, EnumSet.of(OfficialStatus.DECEASED),
                OfficialStatus.DECEASED, EnumSet.noneOf(OfficialStatus.class));
        for (OfficialStatus from : OfficialStatus.values()) {
            for (OfficialStatus to : OfficialStatus.values()) {
                assertThat(OfficialStatuses.mayMove(from, to)).as("%s -> %s", from, to)
                        .isEqualTo(expected.get(from).contains(to));
            }
        }
    }

    @Test
    void aMoveTheTableLacksIsAnIllegalTransitionNamingStateActionAndWhatIsAllowed() {
        assertThatThrownBy(() -> SupervisionRecord.TRANSITIONS.apply(SupervisionStatus.FORWARDED,
                SupervisionStatus.Action.CONCLUDE)).isInstanceOfSatisfying(ProblemException.class, refused -> {
                    var problem = refused.toProblem(null, null);
                    assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION.uri());
                    assertThat(problem.extensionMembers()).containsEntry("from", "FORWARDED")
                            .containsEntry("action", "conclude");
                    assertThat(problem.extensionMembers().get("allowed")).asList()
                            .containsExactlyInAnyOrder("ACCEPTED", "CONCLUDED");
                });
    }
}
