package org.lookout.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The intake's statement must stay short enough for the reactive client to keep it prepared: a longer one is sent
 * unnamed, and PostgreSQL plans it again for every report.
 */
class NumberedIntakeStatementTest {

    /** A named parameter as Hibernate finds it ({@code ::text} is a cast, not a parameter). */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z]+)");

    @Test
    void theStatementAsSentFitsThePreparedStatementCache() {
        // Hibernate sends each named parameter as $n; $99 is longer than any n the statement reaches
        Matcher parameters = NAMED_PARAMETER.matcher(IntakeRepository.NUMBERED_INTAKE);
        String asSent = parameters.replaceAll("\\$99");

        assertThat(parameters.reset().results().count()).as("named parameters").isGreaterThan(30).isLessThan(99);
        assertThat(asSent.length()).isLessThan(IntakeRepository.PREPARED_STATEMENT_CACHE_SQL_LIMIT);
    }

    @Test
    void thePoolsFormHasOnePositionalParameterPerNamedOneAndFits() {
        NamedStatement onPool = NamedStatement.of(IntakeRepository.NUMBERED_INTAKE);

        assertThat(onPool.occurrences()).hasSize((int) NAMED_PARAMETER.matcher(IntakeRepository.NUMBERED_INTAKE)
                .results().count());
        assertThat(onPool.positional()).doesNotContainPattern(NAMED_PARAMETER)
                .contains("$" + onPool.occurrences().size()).doesNotContain("$" + (onPool.occurrences().size() + 1));
        assertThat(onPool.positional().length()).isLessThan(IntakeRepository.PREPARED_STATEMENT_CACHE_SQL_LIMIT);
    }

    @Test
    void itsWhitespaceIsCollapsedAndNoLiteralDependedOnIt() {
        assertThat(IntakeRepository.NUMBERED_INTAKE).doesNotContain("  ").doesNotContain("\n");
        // the literals, read left to right: none held whitespace that the collapsing could have changed
        assertThat(Pattern.compile("'[^']*'").matcher(IntakeRepository.NUMBERED_INTAKE).results().map(MatchResult::group))
                .isNotEmpty().noneMatch(literal -> literal.contains(" "));
    }
}
