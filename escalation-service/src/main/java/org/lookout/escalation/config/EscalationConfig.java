package org.lookout.escalation.config;

import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.escalation")
public interface EscalationConfig {

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

    /**
     * How many years before the first and after the last loaded notice (or this year, if later) the calendar answers
     * days and deadlines; dates beyond are refused with 400.
     */
    @WithDefault("10")
    int calendarHorizonYears();

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

    /** The street's deadline when a report's response (or resolution) clock breached and went to it, in working days. */
    @WithDefault("1")
    int breachEscalationWorkingDays();

    /** The discipline commission's deadline for a forwarded tip-off about an official (ARCHITECTURE §6). */
    @WithDefault("5")
    int tipOffWorkingDays();

    /**
     * The level whose discipline commission receives tip-offs; the next one in {@link #levels()} when the accused heads
     * it.
     */
    @WithDefault("DISTRICT")
    String tipOffLevel();

    /**
     * Agency jurisdictions from the nearest up; {@code STREET} stands for the report's street code. An agency of a
     * kind is looked for at each level in turn.
     */
    @WithDefault("STREET,DISTRICT,CITY")
    List<String> levels();

    /** Most clocks at risk, and most escalations per agency, the SLA board lists (its counts cover all). */
    @WithDefault("50")
    int boardListLimit();

    /** Escalations per page of {@code GET /api/escalations} when the request names no {@code limit}. */
    @WithDefault("50")
    int listDefaultLimit();

    /** The largest {@code limit} a request of {@code GET /api/escalations} may name. */
    @WithDefault("200")
    int listMaxLimit();

    /** How often the overdue sweep runs (also read by its {@code @Scheduled} expression); {@code off} disables it. */
    @WithDefault("60s")
    String overdueSweepInterval();
}
