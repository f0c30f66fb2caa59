package org.cityops.catalog.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.cityops.platform.CityClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CalendarCoverageTests {

    static CalendarRules withHolidaysIn(int... years) {
        Map<LocalDate, DayKind> days = new java.util.HashMap<>();
        for (int y : years) {
            days.put(LocalDate.of(y, 1, 1), DayKind.HOLIDAY);
        }
        return new CalendarRules(CityClock.ZONE, CalendarRules.defaultWeek(), days, Map.of());
    }

    /** A clock at a local time in the city. */
    static Clock at(String localDateTime) {
        return Clock.fixed(
                LocalDateTime.parse(localDateTime).atZone(CityClock.ZONE).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void beforeTheFirstOfNovemberOnlyTheCurrentYearIsNeeded() {
        assertThat(CalendarCoverage.neededYears(LocalDate.of(2026, 10, 31))).containsExactly(2026);
        assertThat(CalendarCoverage.missingYears(Set.of(2026), LocalDate.of(2026, 10, 31)))
                .isEmpty();
    }

    @Test
    void fromTheFirstOfNovemberNextYearIsNeededToo() {
        assertThat(CalendarCoverage.neededYears(LocalDate.of(2026, 11, 1))).containsExactly(2026, 2027);
        assertThat(CalendarCoverage.missingYears(Set.of(2025, 2026), LocalDate.of(2026, 11, 1)))
                .containsExactly(2027);
        assertThat(CalendarCoverage.missingYears(Set.of(2026, 2027), LocalDate.of(2026, 12, 31)))
                .isEmpty();
    }

    @Test
    void theCurrentYearWithoutHolidaysIsMissingAllYear() {
        assertThat(CalendarCoverage.missingYears(Set.of(2026), LocalDate.of(2027, 1, 2)))
                .containsExactly(2027);
        assertThat(CalendarCoverage.missingYears(Set.of(), LocalDate.of(2027, 11, 5)))
                .containsExactly(2027, 2028);
    }

    @Test
    void theWarningNamesTheMissingYearsInChinese() {
        assertThat(CalendarCoverage.warning(java.util.List.of())).isNull();
        assertThat(CalendarCoverage.warning(java.util.List.of(2027))).startsWith("2027 年的法定节假日和调休尚未录入");
    }

    @Test
    void aMakeUpDayAloneDoesNotCountAsAYearsHolidays() {
        CalendarRules rules = new CalendarRules(
                CityClock.ZONE,
                CalendarRules.defaultWeek(),
                Map.of(LocalDate.of(2027, 2, 6), DayKind.MAKEUP_WORKDAY, LocalDate.of(2026, 10, 1), DayKind.HOLIDAY),
                Map.of());
        assertThat(rules.yearsWithHolidays()).containsExactly(2026);
    }

    @Test
    void healthStaysUpAndNamesNextYearFromTheFirstOfNovemberInTheCityZone() {
        // 2026-10-31 23:30 in Changzhou is still October there
        Health october = new CalendarHealth(() -> withHolidaysIn(2026), at("2026-10-31T23:30")).health();
        assertThat(october.getStatus()).isEqualTo(Status.UP);
        assertThat(october.getDetails())
                .containsEntry("missingYears", java.util.List.of())
                .doesNotContainKey("warning");

        Health november = new CalendarHealth(() -> withHolidaysIn(2026), at("2026-11-01T00:10")).health();
        assertThat(november.getStatus()).isEqualTo(Status.UP);
        assertThat(november.getDetails())
                .containsEntry("missingYears", java.util.List.of(2027))
                .containsEntry("neededYears", java.util.List.of(2026, 2027));
        assertThat((String) november.getDetails().get("warning")).contains("2027");

        Health entered = new CalendarHealth(() -> withHolidaysIn(2026, 2027), at("2026-11-01T00:10")).health();
        assertThat(entered.getDetails())
                .containsEntry("missingYears", java.util.List.of())
                .doesNotContainKey("warning");
    }
}
