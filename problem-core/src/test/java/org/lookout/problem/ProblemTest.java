package org.lookout.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shape every Lookout problem has on the wire, written by any Jackson mapper (the REST layer's or the gateway's). */
class ProblemTest {

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
    void theStandardMembersComeFirstInOneOrderAndAbsentOnesAreLeftOut() throws Exception {
        Problem problem = Problem.of(ProblemType.INVALID_REQUEST).detail("code: is blank").instance("/api/x")
                .errors(List.of(new Problem.FieldError("code", "is blank"))).build();

        assertThat(json.writeValueAsString(problem)).isEqualTo("{\"type\":\"urn:lookout:problem:invalid-request\","
                + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"code: is blank\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"code\",\"message\":\"is blank\"}]}");
    }

    @Test
    void aStandardMemberCannotBeOverwrittenAsAnExtension() {
        assertThatThrownBy(() -> Problem.of(ProblemType.CONFLICT).with("status", 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFrameworkStatusHasItsType() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(409)).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(ProblemType.forStatus(599)).isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void everySlugIsUniqueAndAUrn() {
        List<String> slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList();

        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.NOT_FOUND.uri()).hasToString("urn:lookout:problem:not-found");
    }

    /** A type added here and not described for clients in docs/problems.md fails the build. */
    @Test
    void everyTypeIsDescribedInTheDocs() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "problems.md"));

        for (ProblemType type : ProblemType.values()) {
            assertThat(docs).as("docs/problems.md describes %s", type)
                    .contains("| `" + type.slug() + "` | " + type.status() + " |");
        }
    }
}
