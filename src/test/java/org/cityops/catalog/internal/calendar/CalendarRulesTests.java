package org.cityops.catalog.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class CalendarRulesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The default week with the 2026 元旦, 国庆 and their 调休 days (as migration V5_002 seeds them). */
    static CalendarRules calendar2026() {
        Map<LocalDate, DayKind> ex = new HashMap<>();
        for (int d = 1; d <= 3; d++) {
            ex.put(LocalDate.of(2026, 1, d), DayKind.HOLIDAY);
        }
        ex.put(LocalDate.of(2026, 1, 4), DayKind.MAKEUP_WORKDAY); // Sunday
        ex.put(LocalDate.of(2026, 9, 20), DayKind.MAKEUP_WORKDAY); // Sunday
        for (int d = 1; d <= 7; d++) {
            ex.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        ex.put(LocalDate.of(2026, 10, 10), DayKind.MAKEUP_WORKDAY); // Saturday
        return new CalendarRules(SHANGHAI, CalendarRules.defaultWeek(), ex, Map.of());
    }

    final CalendarRules cal = calendar2026();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static TimeLimit working(double hours) {
        return new TimeLimit(Duration.ofMinutes(Math.round(hours * 60)), TimeBasis.WORKING);
    }

    Instant deadline(String start, double workingHours) {
        return cal.deadline(at(start), working(workingHours));
    }

    @Test
    void anHourInsideTheMorningEndsAnHourLater() {
        assertThat(deadline("2026-03-02T09:00", 1)).isEqualTo(at("2026-03-02T10:00"));
    }

    @Test
    void workingTimeSkipsTheLunchBreak() {
        assertThat(deadline("2026-03-02T11:30", 1)).isEqualTo(at("2026-03-02T14:00"));
    }

    @Test
    void aLimitThatFillsAPeriodEndsAtItsEndNotAtTheNextStart() {
        assertThat(deadline("2026-03-02T08:30", 3.5)).isEqualTo(at("2026-03-02T12:00"));
        assertThat(deadline("2026-03-02T13:30", 4)).isEqualTo(at("2026-03-02T17:30"));
    }

    @Test
    void aStartBeforeOpeningOrAtNightStartsAtTheNextWorkingPeriod() {
        assertThat(deadline("2026-03-02T07:00", 1)).isEqualTo(at("2026-03-02T09:30"));
        assertThat(deadline("2026-03-02T20:00", 1)).isEqualTo(at("2026-03-03T09:30"));
        assertThat(deadline("2026-03-02T12:15", 1)).isEqualTo(at("2026-03-02T14:30"));
    }

    @Test
    void fridayAfternoonRunsOnIntoMonday() {
        assertThat(deadline("2026-03-06T17:00", 1)).isEqualTo(at("2026-03-09T09:00"));
    }

    @Test
    void aWeekendStartWaitsForMonday() {
        assertThat(deadline("2026-03-07T10:00", 2)).isEqualTo(at("2026-03-09T10:30"));
    }

    @Test
    void aLimitOfSeveralDaysCountsOnlyWorkingDays() {
        // a working day is 7.5 h: five of them from Monday morning end on Friday evening
        assertThat(deadline("2026-03-02T08:30", 37.5)).isEqualTo(at("2026-03-06T17:30"));
        assertThat(deadline("2026-03-02T08:30", 40)).isEqualTo(at("2026-03-09T11:00"));
    }

    @Test
    void theNationalDayHolidayBlockIsSkipped() {
        // Wednesday 30 Sept 17:00: half an hour left, then 1-7 Oct off, Thursday 8 Oct resumes
        assertThat(deadline("2026-09-30T17:00", 1)).isEqualTo(at("2026-10-08T09:00"));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(deadline("2026-10-09T17:00", 1)).isEqualTo(at("2026-10-10T09:00"));
    }

    @Test
    void aMakeUpSundayIsAWorkingDay() {
        assertThat(deadline("2026-09-19T10:00", 1)).isEqualTo(at("2026-09-20T09:30"));
    }

    @Test
    void aHolidayOnWeekdaysIsSkippedAndTheMakeUpSundayCounts() {
        // 31 Dec 2025 (Wednesday) 17:00: 1-3 Jan 2026 are 元旦, Sunday 4 Jan is worked
        assertThat(deadline("2025-12-31T17:00", 1)).isEqualTo(at("2026-01-04T09:00"));
    }

    @Test
    void naturalTimeIsWallClockTime() {
        TimeLimit day = new TimeLimit(Duration.ofHours(24), TimeBasis.NATURAL);
        assertThat(cal.deadline(at("2026-09-30T17:00"), day)).isEqualTo(at("2026-10-01T17:00"));
        assertThat(cal.elapsed(at("2026-09-30T17:00"), at("2026-10-08T09:00"), TimeBasis.NATURAL))
                .isEqualTo(Duration.ofHours(7 * 24 + 16));
    }

    @Test
    void aZeroLimitEndsWhereItStarts() {
        assertThat(deadline("2026-03-07T10:00", 0)).isEqualTo(at("2026-03-07T10:00"));
    }

    @Test
    void limitsOfManyDaysDoNotOverflow() {
        TimeLimit long1 = new TimeLimit(Duration.ofDays(60), TimeBasis.NATURAL);
        assertThat(cal.deadline(at("2026-03-02T08:30"), long1)).isEqualTo(at("2026-05-01T08:30"));
        TimeLimit longWorking = working(750); // 100 working days
        Instant end = cal.deadline(at("2026-03-02T08:30"), longWorking);
        assertThat(cal.elapsed(at("2026-03-02T08:30"), end, TimeBasis.WORKING)).isEqualTo(Duration.ofHours(750));
    }

    @Test
    void elapsedWorkingTimeCountsOnlyWorkingPeriods() {
        assertThat(cal.elapsed(at("2026-03-06T16:30"), at("2026-03-09T09:30"), TimeBasis.WORKING))
                .isEqualTo(Duration.ofHours(2));
        assertThat(cal.elapsed(at("2026-09-30T17:00"), at("2026-10-08T09:00"), TimeBasis.WORKING))
                .isEqualTo(Duration.ofHours(1));
        assertThat(cal.elapsed(at("2026-03-02T12:05"), at("2026-03-02T13:20"), TimeBasis.WORKING))
                .isZero();
        assertThat(cal.elapsed(at("2026-03-02T08:30"), at("2026-03-02T17:30"), TimeBasis.WORKING))
                .isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void elapsedBackwardsIsNegative() {
        assertThat(cal.elapsed(at("2026-03-02T10:00"), at("2026-03-02T09:00"), TimeBasis.WORKING))
                .isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void deadlineIsMonotonicInDurationAndElapsedGivesTheDurationBack() {
        Random random = new Random(20261001);
        Instant yearStart = at("2025-12-20T00:00");
        for (int i = 0; i < 3000; i++) {
            Instant start = yearStart.plus(Duration.ofMinutes(random.nextInt(380 * 24 * 60)));
            long m1 = random.nextInt(100 * 60);
            long m2 = m1 + random.nextInt(20 * 60);
            TimeLimit d1 = new TimeLimit(Duration.ofMinutes(m1), TimeBasis.WORKING);
            TimeLimit d2 = new TimeLimit(Duration.ofMinutes(m2), TimeBasis.WORKING);
            Instant e1 = cal.deadline(start, d1);
            Instant e2 = cal.deadline(start, d2);
            assertThat(e1).as("start %s, %d min", start, m1).isAfterOrEqualTo(start);
            assertThat(e2).as("monotonic from %s: %d vs %d min", start, m1, m2).isAfterOrEqualTo(e1);
            assertThat(cal.elapsed(start, e1, TimeBasis.WORKING))
                    .as("round trip from %s", start)
                    .isEqualTo(Duration.ofMinutes(m1));
            TimeLimit n = new TimeLimit(Duration.ofMinutes(m1), TimeBasis.NATURAL);
            assertThat(cal.elapsed(start, cal.deadline(start, n), TimeBasis.NATURAL))
                    .isEqualTo(n.duration());
        }
    }

    @Test
    void aZoneThatStillChangesItsOffsetKeepsTheSameRules() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        CalendarRules dst = new CalendarRules(berlin, CalendarRules.defaultWeek(), Map.of(), Map.of());
        // Friday 27 March 2026 17:00 CET + 1 h: the clocks go forward on Sunday 29 March; Monday 09:00 CEST
        Instant start = LocalDateTime.parse("2026-03-27T17:00").atZone(berlin).toInstant();
        assertThat(dst.deadline(start, working(1)))
                .isEqualTo(
                        LocalDateTime.parse("2026-03-30T09:00").atZone(berlin).toInstant());
        Random random = new Random(29);
        for (int i = 0; i < 500; i++) {
            Instant s = start.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            long m = random.nextInt(80 * 60);
            Instant end = dst.deadline(s, new TimeLimit(Duration.ofMinutes(m), TimeBasis.WORKING));
            assertThat(dst.elapsed(s, end, TimeBasis.WORKING)).isEqualTo(Duration.ofMinutes(m));
        }
    }

    @Test
    void secondsAndNanosOfALimitAreKept() {
        TimeLimit odd = new TimeLimit(Duration.ofSeconds(3600 * 9, 500), TimeBasis.WORKING);
        Instant start = at("2026-03-02T08:30");
        Instant end = cal.deadline(start, odd);
        assertThat(end).isEqualTo(at("2026-03-03T10:00").plusNanos(500));
        assertThat(cal.elapsed(start, end, TimeBasis.WORKING)).isEqualTo(odd.duration());
    }

    @Test
    void aCalendarWithoutWorkingTimeFailsInsteadOfLoopingForever() {
        CalendarRules none = new CalendarRules(SHANGHAI, Map.of(), Map.of(), Map.of());
        assertThatThrownBy(() -> none.deadline(at("2026-03-02T09:00"), working(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void overlappingPeriodsAreRejected() {
        assertThatThrownBy(() -> new CalendarRules(
                        SHANGHAI,
                        Map.of(
                                DayOfWeek.MONDAY,
                                List.of(WorkPeriod.parse("08:00-12:00"), WorkPeriod.parse("11:00-14:00"))),
                        Map.of(),
                        Map.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WorkPeriod.parse("12:00-08:00")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WorkPeriod.parse("8h-12h")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWeekdayHolidayHasNoWorkingTime() {
        assertThat(cal.periodsOn(LocalDate.of(2026, 10, 1))).isEmpty();
        assertThat(cal.periodsOn(LocalDate.of(2026, 10, 8))).hasSize(2);
        assertThat(cal.periodsOn(LocalDate.of(2026, 10, 11))).isEmpty();
    }
}
