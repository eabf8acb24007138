package org.lookout.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests: the real time until a test sets it, and again after {@link #reset()}; in any zone (local
 * dates) it follows the same instant. A service's tests subclass it as a CDI {@code @Alternative} to the service's
 * clock producer (this library declares no beans, so each service opts in).
 */
public class MovableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same movable instant seen in another zone, still following {@link #set}. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock movable = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return movable.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return movable.withZone(other);
            }
        };
    }
}
