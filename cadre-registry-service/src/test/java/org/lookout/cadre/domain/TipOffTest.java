package org.lookout.cadre.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lookout.contracts.ComplaintSubmitted;
import org.lookout.contracts.EventJson;
import org.lookout.contracts.EventType;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;

/** The tip-off's state table, every pair, without Quarkus. */
class TipOffTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theOnlyMoveIsFromReceivedToForwarded() {
        for (TipOffStatus from : TipOffStatus.values()) {
            for (TipOffStatus to : TipOffStatus.values()) {
                assertThat(from.mayMoveTo(to)).as("%s -> %s", from, to)
                        .isEqualTo(from == TipOffStatus.RECEIVED && to == TipOffStatus.FORWARDED);
            }
        }
        assertThat(TipOffStatus.FORWARDED.next()).isEmpty();
    }

    @Test
    void aReceivedTipOffIsForwardedWithWhoWhenAndWhetherTheAccusedHeadsTheReceiver() {
        TipOff tipOff = received();

        tipOff.forward(AT, "inspector-1", true);

        assertThat(tipOff.status).isEqualTo(TipOffStatus.FORWARDED);
        assertThat(tipOff.forwardedAt).isEqualTo(AT);
        assertThat(tipOff.forwardedBy).isEqualTo("inspector-1");
        assertThat(tipOff.accusedHeadsReceivingBody).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TipOffStatus.class, names = "RECEIVED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAReceivedTipOffCanBeForwarded(TipOffStatus status) {
        TipOff tipOff = received();
        tipOff.status = status;
        tipOff.forwardedBy = "inspector-1";

        assertThatThrownBy(() -> tipOff.forward(AT, "inspector-2", false))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    Problem problem = refused.toProblem(null, null);
                    assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION.uri());
                    assertThat(problem.extensionMembers()).containsEntry("from", status.name())
                            .containsEntry("action", "forward");
                });
        assertThat(tipOff.forwardedBy).isEqualTo("inspector-1");
    }

    @Test
    void aTipOffRefersToItsReportAndToNobody() {
        ComplaintSubmitted report = EventJson.fromTree(
                EventJson.readResource(EventType.COMPLAINT_SUBMITTED.sampleResource()).path("data"),
                ComplaintSubmitted.class);

        TipOff tipOff = TipOff.received("event-1", report);

        assertThat(tipOff.reportId).isEqualTo(report.reportId());
        assertThat(tipOff.trackingNumber).isEqualTo(report.trackingNumber());
        assertThat(tipOff.communityCode).isEqualTo(report.communityCode());
        assertThat(tipOff.status).isEqualTo(TipOffStatus.RECEIVED);
        assertThat(tipOff.sourceEventId).isEqualTo("event-1");
    }

    private static TipOff received() {
        TipOff tipOff = new TipOff();
        tipOff.id = UUID.randomUUID();
        tipOff.status = TipOffStatus.RECEIVED;
        return tipOff;
    }
}
