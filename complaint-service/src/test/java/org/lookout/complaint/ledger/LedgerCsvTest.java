package org.lookout.complaint.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
