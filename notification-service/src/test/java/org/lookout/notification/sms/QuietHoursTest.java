package org.lookout.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0),
            ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Shanghai is UTC+8: 13:59Z is 21:59 there, 14:00Z is 22:00, 22:59Z is 06:59 next morning
            "2026-03-02T13:59:00Z, 2026-03-02T13:59:00Z",
            "2026-03-02T14:00:00Z, 2026-03-02T23:00:00Z",
            "2026-03-02T15:30:00Z, 2026-03-02T23:00:00Z",
            "2026-03-02T16:30:00Z, 2026-03-02T23:00:00Z",
            "2026-03-02T22:59:59Z, 2026-03-02T23:00:00Z",
            "2026-03-02T23:00:00Z, 2026-03-02T23:00:00Z",
            "2026-03-03T04:00:00Z, 2026-03-03T04:00:00Z" })
    void anSmsInTheNightWaitsUntilSevenShanghaiTime(String at, String allowed) {
        assertThat(NIGHT.nextAllowed(Instant.parse(at))).isEqualTo(Instant.parse(allowed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "2026-03-02T04:00:00Z, 2026-03-02T06:00:00Z", "2026-03-02T06:00:00Z, 2026-03-02T06:00:00Z" })
    void aWindowWithinOneDayWorksToo(String at, String allowed) {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), ZoneId.of("Asia/Shanghai"));

        assertThat(lunch.nextAllowed(Instant.parse(at))).isEqualTo(Instant.parse(allowed));
    }
}
