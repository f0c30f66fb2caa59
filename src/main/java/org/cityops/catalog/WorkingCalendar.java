package org.cityops.catalog;

import java.time.Duration;
import java.time.Instant;

/**
 * The working calendar (工作日历): working hours, public holidays and make-up working days (调休), per year,
 * in the city's time zone.
 */
public interface WorkingCalendar {

    /** When a time limit that starts at {@code start} runs out. */
    Instant deadline(Instant start, TimeLimit limit);

    /** How much of a limit's clock ran between two instants (working time for WORKING, wall time for NATURAL). */
    Duration elapsed(Instant from, Instant to, TimeBasis basis);
}
