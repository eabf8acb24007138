package org.lookout.gateway.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the dashboard's templates show, read from the services' JSON (only the fields shown are read). */
final class DashboardView {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DashboardView() {
    }

    /** The page around every view: language, its switch, who is signed in. */
    record Page(String lang, String enUrl, String zhUrl, String user) {
    }

    /** A rate with what it is made of; {@code percent} null when nothing is due yet (shown as —, bar empty). */
    record Rate(long numerator, long denominator, Integer percent) {

        static Rate of(JsonObject json) {
            if (json == null) {
                return new Rate(0, 0, null);
            }
            Object rate = json.getValue("rate");
            Integer percent = rate == null ? null
                    : new BigDecimal(rate.toString()).movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
            return new Rate(json.getLong("numerator", 0L), json.getLong("denominator", 0L), percent);
        }

        public String text() {
            return percent == null ? "—" : percent + "%";
        }

        public int bar() {
            return percent == null ? 0 : percent;
        }
    }

    /** One row of figures: a community, a category or the total; {@code link} its drill-down to the worklist. */
    record FigureRow(String key, String label, long count, int countBar, Rate response, Rate resolution,
            Rate satisfaction, Long breached, String link, String breachedLink) {
    }

    /** The rows of one statistics answer; {@code unavailable} the service's status when it gave none (else 0). */
    record Figures(FigureRow total, List<FigureRow> rows, int unavailable) {

        static Figures unavailable(int status) {
            return new Figures(null, List.of(), status);
        }
    }

    /** A clock on the SLA board. */
    record Clock(String reportLink, String reportId, String communityCode, String itemCode, String kind, String state,
            String dueAt, boolean breached) {
    }

    /** The SLA board's totals and clocks; {@code unavailable} as in {@link Figures}. */
    record Board(long openReports, long warned, long breached, long escalationsWaiting, long escalationsOverdue,
            List<Clock> clocks, int unavailable) {

        static Board unavailable(int status) {
            return new Board(0, 0, 0, 0, 0, List.of(), status);
        }

        static Board of(JsonObject json, ZoneId zone) {
            JsonObject totals = json.getJsonObject("totals", new JsonObject());
            List<Clock> clocks = new ArrayList<>();
            for (Object item : json.getJsonArray("clocks", new JsonArray())) {
                JsonObject clock = (JsonObject) item;
                String reportId = clock.getString("reportId");
                clocks.add(new Clock(DashboardLinks.report(reportId), reportId, clock.getString("communityCode"),
                        clock.getString("itemCode"), clock.getString("kind"), clock.getString("state"),
                        shown(clock.getString("dueAt"), zone), clock.getString("breachedAt") != null));
            }
            return new Board(totals.getLong("openReports", 0L), totals.getLong("warned", 0L),
                    totals.getLong("breached", 0L), totals.getLong("escalationsWaiting", 0L),
                    totals.getLong("escalationsOverdue", 0L), clocks, 0);
        }
    }

    /** A choice of the community selector. */
    record Choice(String code, String label, boolean selected) {
    }

    /** One report of a worklist. */
    record WorklistRow(String link, String trackingNumber, String status, String categoryCode, String itemCode,
            String communityCode, String received, String due, boolean breached) {

        static WorklistRow of(JsonObject json, ZoneId zone) {
            return new WorklistRow(DashboardLinks.report(json.getString("id")), json.getString("trackingNumber"),
                    json.getString("status"), json.getString("categoryCode"), json.getString("itemCode"),
                    json.getString("communityCode"), shown(json.getString("receivedAt"), zone),
                    shown(json.getString("dueAt"), zone), isBreached(json));
        }
    }

    /** One report: what an official needs to act on it. Never the reporter. */
    record Report(String trackingNumber, String status, String title, String address, String categoryCode,
            String itemCode, String communityCode, String channel, String received, String responseDue,
            String responseBreached, String resolutionDue, String resolutionBreached, boolean breached,
            String worklistLink) {

        static Report of(JsonObject json, ZoneId zone) {
            JsonObject location = json.getJsonObject("location", new JsonObject());
            return new Report(json.getString("trackingNumber"), json.getString("status"), json.getString("title"),
                    location.getString("address"), json.getString("categoryCode"), json.getString("itemCode"),
                    json.getString("communityCode"), json.getString("channel"),
                    shown(json.getString("receivedAt"), zone), shown(json.getString("responseDueAt"), zone),
                    shown(json.getString("responseBreachedAt"), zone), shown(json.getString("resolutionDueAt"), zone),
                    shown(json.getString("resolutionBreachedAt"), zone), isBreached(json),
                    DashboardLinks.worklist(json.getString("communityCode"), null, null, false));
        }
    }

    static boolean isBreached(JsonObject report) {
        return report.getString("responseBreachedAt") != null || report.getString("resolutionBreachedAt") != null;
    }

    /** An instant of the services as the street reads it (its zone, to the minute); "" when absent. */
    static String shown(String instant, ZoneId zone) {
        return instant == null ? "" : SHOWN.format(Instant.parse(instant).atZone(zone));
    }

    /** The label of a group in the page's language, its key when it has none. */
    static String label(JsonObject group, String lang) {
        String label = group.getString(lang.startsWith("zh") ? "labelZh" : "labelEn");
        return label == null || label.isBlank() ? group.getString("key") : label;
    }
}
