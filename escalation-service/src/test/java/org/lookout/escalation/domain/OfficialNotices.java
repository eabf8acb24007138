package org.lookout.escalation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The official facts of the 2025 and 2026 notices (holiday-cn copies under src/test/resources/holiday-cn), independent of
 * tyme4j: what a day is, by the notice or else by the weekday.
 */
final class OfficialNotices {

    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = 2026;

    private static final Map<LocalDate, Boolean> OFF_DAYS = load();

    private OfficialNotices() {
    }

    static boolean isWorkingDay(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("no official facts copied for " + date.getYear());
        }
        Boolean off = OFF_DAYS.get(date);
        if (off != null) {
            return !off;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    static DayKind kind(LocalDate date) {
        Boolean off = OFF_DAYS.get(date);
        if (off != null) {
            return off ? DayKind.HOLIDAY : DayKind.MAKEUP_WORKDAY;
        }
        return isWorkingDay(date) ? DayKind.WORKDAY : DayKind.WEEKEND;
    }

    private static Map<LocalDate, Boolean> load() {
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String resource = "holiday-cn/" + year + ".json";
            try (InputStream in = OfficialNotices.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test fixture " + resource);
                }
                for (JsonNode day : json.readTree(in).get("days")) {
                    offDays.put(LocalDate.parse(day.get("date").asText()), day.get("isOffDay").asBoolean());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(offDays);
    }
}
