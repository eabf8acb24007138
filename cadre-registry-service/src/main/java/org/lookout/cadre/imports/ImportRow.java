package org.lookout.cadre.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.lookout.cadre.domain.Official;
import org.lookout.cadre.imports.ImportFile.Column;

/**
 * One data row of an import: the registration form it holds, or why it is refused. A reason names the field at fault,
 * never a value that could be personal data.
 */
record ImportRow(int line, Official.Form form, String rejection) {

    private static final Pattern COMMUNITY = Pattern.compile("[A-Z]{2,8}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,32}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    boolean rejected() {
        return rejection != null;
    }

    static ImportRow rejected(int line, String reason) {
        return new ImportRow(line, null, reason);
    }

    static ImportRow of(ImportFile file, CsvRows.Row row) {
        if (row.unterminatedQuote()) {
            return rejected(row.line(), "a quoted field is never closed");
        }
        if (row.fields().size() != file.headerWidth) {
            return rejected(row.line(), "has " + row.fields().size() + " columns, the header has " + file.headerWidth);
        }
        // a line break or tab inside a quoted field is a space; any other control character refuses the row
        if (row.fields().stream().anyMatch(field -> field.chars()
                .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))) {
            return rejected(row.line(), "holds control characters");
        }
        Values values = new Values(file, row);
        String name = values.text(Column.NAME);
        String employer = values.text(Column.EMPLOYER);
        String post = values.text(Column.POST);
        String community = values.text(Column.COMMUNITY);
        String registered = values.text(Column.REGISTERED_ON);
        String problem = firstOf(
                required("name", name, 64), required("employer", employer, 128), required("post", post, 128),
                optional("rank", values.text(Column.RANK), 64), required("community", community, 8),
                community != null && !COMMUNITY.matcher(community).matches() ? "community is not a community code" : null,
                optional("building", values.text(Column.BUILDING), 64),
                matches("phone", values.text(Column.PHONE), PHONE), matches("id", values.text(Column.ID), ID),
                required("registeredOn", registered, 20));
        if (problem != null) {
            return rejected(row.line(), problem);
        }
        LocalDate registeredOn = date(registered);
        if (registeredOn == null) {
            return rejected(row.line(), "registeredOn is not a date such as 2026-02-10");
        }
        return new ImportRow(row.line(), new Official.Form(name, employer, post, values.text(Column.RANK), community,
                values.text(Column.BUILDING), values.text(Column.PHONE), registeredOn, values.text(Column.ID)), null);
    }

    private record Values(ImportFile file, CsvRows.Row row) {

        String text(Column column) {
            Integer index = file.columns.get(column);
            if (index == null) {
                return null;
            }
            String value = row.fields().get(index).replaceAll("\\s+", " ").strip();
            return value.isEmpty() ? null : value;
        }
    }

    private static String required(String field, String value, int max) {
        return value == null ? field + " is missing" : optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        return value != null && value.length() > max ? field + " is longer than " + max + " characters" : null;
    }

    private static String matches(String field, String value, Pattern pattern) {
        return value != null && !pattern.matcher(value).matches() ? field + " is malformed" : null;
    }

    private static String firstOf(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }
}
