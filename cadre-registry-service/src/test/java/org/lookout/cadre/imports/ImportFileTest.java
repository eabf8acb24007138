package org.lookout.cadre.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lookout.problem.ProblemException;

/** Reading the units' CSV files, without Quarkus. */
class ImportFileTest {

    private static final String HEADER = "姓名,工作单位,职务,职级,社区,楼栋单元,联系电话,登记日期\n";

    @Test
    void utf8IsReadAsUtf8AndGb18030AsGb18030() {
        String text = HEADER + "王芳,区财政局,副局长,副处级,DCY,5-1,13900000000,2026/2/10\n";

        ImportFile utf8 = ImportFile.read(text.getBytes(StandardCharsets.UTF_8), null);
        ImportFile gb = ImportFile.read(text.getBytes(ImportFile.GB18030), null);

        assertThat(utf8.charset).isEqualTo(StandardCharsets.UTF_8);
        assertThat(gb.charset).isEqualTo(ImportFile.GB18030);
        for (ImportFile file : new ImportFile[] { utf8, gb }) {
            ImportRow row = ImportRow.of(file, file.rows.get(0));
            assertThat(row.rejected()).isFalse();
            assertThat(row.form().name()).isEqualTo("王芳");
            assertThat(row.form().registeredOn()).isEqualTo(LocalDate.parse("2026-02-10"));
        }
    }

    @Test
    void theCharsetParameterWinsOverDetection() {
        byte[] gb = (HEADER + "王芳,区财政局,副局长,,DCY,,,2026-02-10\n").getBytes(ImportFile.GB18030);

        assertThatThrownBy(() -> ImportFile.read(gb, "utf-8")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.getMessage()).startsWith("file: is not valid UTF-8"));
        assertThatThrownBy(() -> ImportFile.read(gb, "latin-1")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.getMessage()).startsWith("charset:"));
        assertThat(ImportFile.read(gb, "GB18030").rows).hasSize(1);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsRefusesTheWholeFile() {
        assertThatThrownBy(() -> ImportFile.read("name,post\nA,B\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getMessage())
                        .contains("employer").contains("community").contains("registeredOn"));
        assertThatThrownBy(() -> ImportFile.read(new byte[0], null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void eachBadRowIsNamedWithItsLineAndItsReason() {
        String text = "\uFEFFid,name,employer,post,rank,community,building,phone,registeredOn\r\n"
                + "U-1,,区财政局,副局长,,DCY,,,2026-02-10\r\n"
                + "U-2,\"李, 明\",区财政局,科长,,DCY,,,2026-02-10,extra\r\n"
                + "U-3,\"李\"\"强\"\"\",\"区\n财政局\",科长,,dcy,,,2026-02-10\r\n"
                + "U-4,赵六,区财政局,科长,,DCY,,not-a-phone,2026-02-10\r\n"
                + "U-5,钱七,区财政局,科长,,DCY,,,someday\r\n"
                + "U-6,孙八,区财政局,科长,,DCY,,,2026-02-10\r\n";

        ImportFile file = ImportFile.read(text.getBytes(StandardCharsets.UTF_8), null);
        var rows = file.rows.stream().map(row -> ImportRow.of(file, row)).toList();

        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 3, 4, 6, 7, 8);
        assertThat(rows).extracting(ImportRow::rejection).containsExactly("name is missing",
                "has 10 columns, the header has 9", "community is not a community code", "phone is malformed",
                "registeredOn is not a date such as 2026-02-10", null);
        assertThat(rows.get(5).form().externalId()).isEqualTo("U-6");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        var rows = CsvRows.parse("a,\"b,c\",\"d\"\"e\"\n\"f\ng\",h\n\"open");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,c", "d\"e");
        assertThat(rows.get(1).fields()).containsExactly("f\ng", "h");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).unterminatedQuote()).isTrue();
    }
}
