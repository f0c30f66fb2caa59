package org.cityops.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo city's clock: it follows the system clock until someone stops it at an instant ({@link #stopAt}),
 * moves it on ({@link #advance}) and lets it run again ({@link #release}). The demo seeders take last month's
 * cases through the real services with it (so the demo shows what live data would show), and the integration
 * tests move time with it. Only the {@code demo} profile has it; production runs on the system clock.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Instant stopped;

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    /** Stops the clock at {@code at} (until moved or released). */
    public void stopAt(Instant at) {
        stopped = at;
    }

    /** Moves a stopped clock on by {@code d} (stops it at now + d if it was running). */
    public Instant advance(Duration d) {
        Instant next = instant().plus(d);
        stopped = next;
        return next;
    }

    /** Follows the system clock again. */
    public void release() {
        stopped = null;
    }

    public boolean isStopped() {
        return stopped != null;
    }

    @Override
    public Instant instant() {
        Instant s = stopped;
        return s != null ? s : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return AdjustableClock.this.withZone(z);
            }

            @Override
            public Instant instant() {
                return AdjustableClock.this.instant();
            }
        };
    }
}
