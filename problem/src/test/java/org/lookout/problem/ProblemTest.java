package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTest {

    private enum Door {
        OPEN, CLOSED, LOCKED
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void extensionMembersAreWrittenBesideTheStandardOnes() throws Exception {
        Problem problem = Problem.of(ProblemType.ILLEGAL_TRANSITION).detail("no").instance("/api/doors/1")
                .requestId("r-1").with("from", "OPEN").with("allowed", List.of("CLOSED")).build();

        JsonNode written = json.readTree(json.writeValueAsString(problem));

        assertThat(written.path("type").asText()).isEqualTo("urn:lookout:problem:illegal-transition");
        assertThat(written.path("status").asInt()).isEqualTo(409);
        assertThat(written.path("title").asText()).isEqualTo("Illegal transition");
        assertThat(written.path("from").asText()).isEqualTo("OPEN");
        assertThat(written.path("allowed").get(0).asText()).isEqualTo("CLOSED");
        assertThat(written.has("extensions")).isFalse();
        assertThat(written.has("errors")).isFalse();
    }

    @Test
    void aStandardMemberCannotBeOverwrittenAsAnExtension() {
        assertThatThrownBy(() -> Problem.of(ProblemType.CONFLICT).with("status", 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIllegalTransitionNamesWhereItIsWhatWasAskedAndWhatMayFollow() {
        ProblemException refused = ProblemException.illegalTransition(Door.LOCKED, "open",
                EnumSet.of(Door.CLOSED));
        ProblemException fromFinal = ProblemException.illegalTransition(Door.CLOSED, "open", EnumSet.noneOf(Door.class));

        Problem problem = refused.toProblem("/api/doors/1", null);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.extensionMembers()).containsEntry("from", "LOCKED").containsEntry("action", "open")
                .containsEntry("allowed", List.of("CLOSED"));
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("status", "is LOCKED"));
        assertThat(refused.getMessage()).isEqualTo("LOCKED cannot open; allowed next: CLOSED");
        assertThat(fromFinal.getMessage()).isEqualTo("CLOSED cannot open; allowed next: none, CLOSED is final");
    }

    @Test
    void everyFrameworkStatusHasItsType() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(409)).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(ProblemType.forStatus(599)).isEqualTo(ProblemType.INTERNAL);
    }
}
