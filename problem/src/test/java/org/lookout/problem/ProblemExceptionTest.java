package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    private enum Door {
        OPEN, CLOSED, LOCKED
    }

    @Test
    void anIllegalTransitionNamesWhereItIsWhatWasAskedAndWhatMayFollow() {
        ProblemException refused = ProblemException.illegalTransition(Door.LOCKED, "open",
                EnumSet.of(Door.CLOSED));
        ProblemException fromFinal = ProblemException.illegalTransition(Door.CLOSED, "open", EnumSet.noneOf(Door.class));

        Problem problem = refused.toProblem("/api/doors/1", null);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION.uri());
        assertThat(problem.extensionMembers()).containsEntry("from", "LOCKED").containsEntry("action", "open")
                .containsEntry("allowed", List.of("CLOSED"));
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("status", "is LOCKED"));
        assertThat(refused.getMessage()).isEqualTo("LOCKED cannot open; allowed next: CLOSED");
        assertThat(fromFinal.getMessage()).isEqualTo("CLOSED cannot open; allowed next: none, CLOSED is final");
    }

    @Test
    void theFactoriesNameTheFieldAndTheType() {
        Problem tooLarge = ProblemException.tooLarge("file", 10).toProblem(null, "r-1");

        assertThat(tooLarge.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.requestId()).isEqualTo("r-1");
        assertThat(tooLarge.errors()).containsExactly(new Problem.FieldError("file", "must be at most 10 bytes"));
        assertThat(ProblemException.concurrentChange("report 7").toProblem(null, null).type())
                .isEqualTo(ProblemType.CONCURRENT_CHANGE.uri());
    }
}
