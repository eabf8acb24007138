package org.lookout.cadre.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows: fields separated by commas, a field in double quotes may hold commas, line breaks and doubled quotes;
 * lines end with CRLF or LF. Each row keeps the line it starts on, so a rejection can name it. A quote left open runs
 * to the end of the text: that row is reported as such, not guessed at.
 */
final class CsvRows {

    /** One row and the line of the file it starts on (1 is the header). */
    record Row(int line, List<String> fields, boolean unterminatedQuote) {
    }

    private CsvRows() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean rowHasContent = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    rowHasContent = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    rowHasContent = true;
                }
                case '\r' -> {
                    // CRLF: the LF ends the row
                }
                case '\n' -> {
                    if (rowHasContent || field.length() > 0) {
                        fields.add(field.toString());
                        rows.add(new Row(rowStart, List.copyOf(fields), false));
                    }
                    fields.clear();
                    field.setLength(0);
                    rowHasContent = false;
                    line++;
                    rowStart = line;
                }
                default -> {
                    field.append(c);
                    rowHasContent = true;
                }
            }
        }
        if (rowHasContent || field.length() > 0 || quoted) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields), quoted));
        }
        return rows;
    }
}
