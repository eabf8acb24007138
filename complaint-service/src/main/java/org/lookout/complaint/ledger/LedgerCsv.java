package org.lookout.complaint.ledger;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;


/** The ledger as CSV (RFC 4180: CRLF, fields with comma, quote or line break quoted, quotes doubled). */
final class LedgerCsv {

    /** UTF-8 byte order mark, so that spreadsheets read the Chinese text as UTF-8. */
    static final String BOM = "\uFEFF";

    static final List<String> HEADER = List.of("时间 Time", "受理编号 Tracking number", "事项 Item", "类别 Category",
            "渠道 Channel", "原状态 From status", "新状态 To status", "操作角色 Actor role", "备注 Note",
            "反映编号 Report id");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private LedgerCsv() {
    }

    static String header() {
        return BOM + line(HEADER);
    }

    static String lines(List<LedgerLine> page, ZoneId zone) {
        StringBuilder out = new StringBuilder(page.size() * 160);
        for (LedgerLine row : page) {
            out.append(line(List.of(TIME.format(row.at().atZone(zone).toOffsetDateTime()), row.trackingNumber(),
                    text(row.itemCode()), text(row.categoryCode()), text(row.channel()), text(row.fromStatus()),
                    text(row.toStatus()), text(row.actorRole()), text(row.note()), row.reportId().toString())));
        }
        return out.toString();
    }

    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(String raw) {
        // a cell a spreadsheet would run as a formula is kept as text (OWASP CSV injection)
        String value = formula(raw) ? "'" + raw : raw;
        // a semicolon is quoted too, so that a spreadsheet that splits on ';' keeps the cell whole
        if (value.indexOf(',') < 0 && value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Signs that start a formula, the full-width ones too (some spreadsheets fold them to their ASCII forms). */
    private static final String FORMULA_START = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /**
     * Whether a spreadsheet could read the cell as a formula: its first visible character starts one, after skipping
     * invisible format characters (zero-width space, byte order mark, direction marks, joiners), spaces, and a leading
     * ';' or ',' (a spreadsheet splitting on that separator would start a new cell there).
     */
    static boolean formula(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (FORMULA_START.indexOf(c) >= 0) {
                return true;
            }
            if (Character.getType(c) != Character.FORMAT && c != ' ' && c != '\u3000' && c != ';' && c != ',') {
                return false;
            }
        }
        return false;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
