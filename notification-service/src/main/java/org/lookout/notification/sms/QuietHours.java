package org.lookout.notification.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS at night: between {@code from} and {@code until} (22:00–07:00 in Asia/Shanghai by default) a message is held
 * until the quiet hours end. The window may wrap midnight.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    /** {@code at} itself when it is outside the quiet hours, else the moment they end. */
    public Instant nextAllowed(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(until);
        boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
