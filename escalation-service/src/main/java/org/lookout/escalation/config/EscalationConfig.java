package org.lookout.escalation.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.escalation")
public interface EscalationConfig {

    /** CloudEvents {@code source} of everything this service publishes. */
    @WithDefault("/lookout/escalation-service")
    String eventSource();

    /** The zone of the working calendar: days start and end at 00:00 here. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** "On site within one working day" (三快). */
    @WithDefault("1")
    int responseWorkingDays();

    /** Share of a clock's working time after which it warns. */
    @WithDefault("0.75")
    double warningFraction();

    /** Longest span {@code GET /api/calendar} lists at once, in days. */
    @WithDefault("366")
    int maxCalendarSpanDays();

    /** Largest {@code workingDays} a deadline may be asked for. */
    @WithDefault("250")
    int maxWorkingDays();

    /** How often the SLA sweep runs (also read by its {@code @Scheduled} expression); {@code off} disables it. */
    @WithDefault("30s")
    String sweepInterval();

    /** Most clocks one sweep warns or breaches per transaction; the rest wait for the next sweep. */
    @WithDefault("200")
    int sweepBatchSize();

    /** How often each instance rereads the calendar, to pick up another instance's overrides; {@code off} disables it. */
    @WithDefault("5m")
    String calendarRefreshInterval();

    /** From the first day of this month on, the next year's missing notice is reported too. */
    @WithDefault("12")
    int nextYearNoticeExpectedFromMonth();
}
