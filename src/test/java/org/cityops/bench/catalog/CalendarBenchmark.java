package org.cityops.bench.catalog;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.internal.calendar.CalendarRules;
import org.cityops.catalog.internal.calendar.DayKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long a working-time deadline and an elapsed computation take (the cases module calls them for every
 * case and stage). Run: see docs/benchmarks.md, section catalog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {

    CalendarRules rules;
    Instant start;
    Instant end;
    TimeLimit eightHours = new TimeLimit(Duration.ofHours(8), TimeBasis.WORKING);
    TimeLimit fiveDays = new TimeLimit(Duration.ofMinutes(5 * 450), TimeBasis.WORKING);
    TimeLimit sixtyDays = new TimeLimit(Duration.ofMinutes(60 * 450), TimeBasis.WORKING);

    @Setup
    public void setUp() {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            ex.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        ex.put(LocalDate.of(2026, 10, 10), DayKind.MAKEUP_WORKDAY);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        rules = new CalendarRules(zone, CalendarRules.defaultWeek(), ex, Map.of());
        start = LocalDateTime.parse("2026-09-29T15:10").atZone(zone).toInstant();
        end = LocalDateTime.parse("2026-10-30T10:00").atZone(zone).toInstant();
        if (rules.weekly().get(DayOfWeek.MONDAY).isEmpty()) {
            throw new IllegalStateException();
        }
    }

    @Benchmark
    public Instant deadlineEightWorkingHours() {
        return rules.deadline(start, eightHours);
    }

    @Benchmark
    public Instant deadlineFiveWorkingDaysAcrossNationalDay() {
        return rules.deadline(start, fiveDays);
    }

    @Benchmark
    public Instant deadlineSixtyWorkingDays() {
        return rules.deadline(start, sixtyDays);
    }

    @Benchmark
    public Duration elapsedOneMonth() {
        return rules.elapsed(start, end, TimeBasis.WORKING);
    }
}
