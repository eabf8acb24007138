package org.lookout.complaint.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerCsvTest {

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(LedgerCsv.field("plain 中文")).isEqualTo("plain 中文");
        assertThat(LedgerCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(LedgerCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LedgerCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(LedgerCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(LedgerCsv.field("+1")).isEqualTo("'+1");
        assertThat(LedgerCsv.field("-1")).isEqualTo("'-1");
        assertThat(LedgerCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(LedgerCsv.field("2026-02-13T09:30:00+08:00")).isEqualTo("2026-02-13T09:30:00+08:00");
    }

    /**
     * What a probe found slipping past the guard: invisible format characters, full-width signs, a leading separator
     * (the Unicode escapes become the characters themselves when the test compiles).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            zero-width space before =       | \u200B=1+1
            byte order mark before =        | \uFEFF=1+1
            word joiner before +            | \u2060+1
            left-to-right mark before @     | \u200E@SUM(A1)
            two format characters before -  | \u200B\u200D-1
            zero-width space before tab     | \u200B\t=1
            full-width equals               | \uFF1D1+1
            full-width plus                 | \uFF0B1
            full-width minus                | \uFF0D1
            full-width commercial at        | \uFF20SUM(A1)
            semicolon then equals           | ;=1+1
            comma then equals               | ,=1+1
            semicolon, space, equals        | ; =1+1
            space then equals               | ^ =1+1^
            zero-width space, semicolon, =  | \u200B;=1+1
            """)
    void aDisguisedFormulaStaysText(String label, String raw) {
        String cell = LedgerCsv.field(raw);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).as(label).isEqualTo("'" + raw);
    }

    @Test
    void aSemicolonInsideACellIsQuotedSoASemicolonSeparatedImportKeepsOneCell() {
        assertThat(LedgerCsv.field("note;=1+1")).isEqualTo("\"note;=1+1\"");
    }

    @Test
    void ordinaryTextWithInvisibleOrFullWidthCharactersLaterIsUnchanged() {
        assertThat(LedgerCsv.field("路灯\u200B坏了")).isEqualTo("路灯\u200B坏了");
        assertThat(LedgerCsv.field("温度－5度")).isEqualTo("温度－5度");
        assertThat(LedgerCsv.field("\u200B路灯")).isEqualTo("\u200B路灯");
    }
}
