package org.lookout.cadre.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lookout.problem.ProblemException;

/**
 * A file of registration forms as the units send it: CSV in UTF-8 or GB18030 (both occur), with a header row naming the
 * columns in English or Chinese. The charset is what the caller says, else UTF-8 when the bytes decode strictly as
 * UTF-8, else GB18030 (which decodes any byte sequence a Chinese spreadsheet writes).
 */
final class ImportFile {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final String FIELD = "file";

    /** The columns of the form; {@code required} ones must be in the header. */
    enum Column {
        ID(false, "id", "编号"),
        NAME(true, "name", "姓名"),
        EMPLOYER(true, "employer", "工作单位"),
        POST(true, "post", "职务"),
        RANK(false, "rank", "职级"),
        COMMUNITY(true, "community", "社区"),
        BUILDING(false, "building", "楼栋单元"),
        PHONE(false, "phone", "联系电话"),
        REGISTERED_ON(true, "registeredOn", "登记日期");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        static Optional<Column> named(String header) {
            String name = header.strip().replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.names.stream().anyMatch(known -> known.toLowerCase(Locale.ROOT).equals(name))) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    final Charset charset;
    final Map<Column, Integer> columns;
    final int headerWidth;
    /** The data rows, in file order. */
    final List<CsvRows.Row> rows;

    private ImportFile(Charset charset, Map<Column, Integer> columns, int headerWidth, List<CsvRows.Row> rows) {
        this.charset = charset;
        this.columns = columns;
        this.headerWidth = headerWidth;
        this.rows = rows;
    }

    /** Reads the file; a 400 problem naming {@code file} or {@code charset} when it cannot be a form list at all. */
    static ImportFile read(byte[] content, String charsetName) {
        Charset charset = charsetName == null || charsetName.isBlank() ? detect(content) : named(charsetName);
        String text = decode(content, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<CsvRows.Row> all = CsvRows.parse(text);
        if (all.isEmpty()) {
            throw ProblemException.badRequest(FIELD, "is empty: a header row and one row per official are expected");
        }
        List<String> header = all.get(0).fields();
        Map<Column, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.named(header.get(i)).ifPresentOrElse(column -> columns.putIfAbsent(column, index),
                    () -> unknown.add(header.get(index)));
        }
        List<String> missing = java.util.Arrays.stream(Column.values())
                .filter(column -> column.required && !columns.containsKey(column))
                .map(column -> column.names.get(0) + " (" + column.names.get(1) + ")").toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(FIELD, "the header row lacks " + String.join(", ", missing)
                    + (unknown.isEmpty() ? "" : "; not understood: " + unknown.size() + " column(s)")
                    + " (read as " + charset.name() + ")");
        }
        return new ImportFile(charset, columns, header.size(), all.subList(1, all.size()));
    }

    private static Charset detect(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    private static Charset named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "gb18030", "gbk", "gb2312" -> GB18030;
            default -> throw ProblemException.badRequest("charset", "must be UTF-8 or GB18030");
        };
    }

    private static String decode(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(FIELD, "is not valid " + charset.name() + " text");
        }
    }
}
