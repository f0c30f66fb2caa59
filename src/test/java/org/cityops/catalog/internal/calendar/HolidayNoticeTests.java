package org.cityops.catalog.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.platform.CityClock;
import org.junit.jupiter.api.Test;

class HolidayNoticeTests {

    static final Map<java.time.DayOfWeek, List<WorkPeriod>> WEEK = CalendarRules.defaultWeek();

    static HolidayNotice.RawEntry row(int n, String name, String from, String to, String... workdays) {
        return new HolidayNotice.RawEntry(n, name, from, to, List.of(workdays));
    }

    static List<HolidayNotice.Problem> problems(HolidayNotice.RawEntry... rows) {
        HolidayNotice.Parsed parsed = HolidayNotice.parse(2098, null, List.of(rows));
        if (!parsed.problems().isEmpty()) {
            return parsed.problems();
        }
        return parsed.notice().check(WEEK);
    }

    @Test
    void aNoticeSetsItsDaysOffAndItsMakeUpWorkingDays() {
        // 2098-02-01 is a Saturday
        HolidayNotice.Parsed parsed = HolidayNotice.parse(
                2098,
                "测试",
                List.of(
                        row(1, "元旦", "2098-01-01", ""),
                        row(2, "春节", "2098/2/3", "2098年2月9日", "2098-02-01、2098-02-15")));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.notice().check(WEEK)).isEmpty();
        Map<LocalDate, HolidayNotice.Day> days = parsed.notice().days();
        assertThat(days).hasSize(1 + 7 + 2);
        assertThat(days.get(LocalDate.of(2098, 1, 1)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(days.get(LocalDate.of(2098, 2, 9)).name()).isEqualTo("春节");
        assertThat(days.get(LocalDate.of(2098, 2, 1)))
                .isEqualTo(new HolidayNotice.Day(LocalDate.of(2098, 2, 1), DayKind.MAKEUP_WORKDAY, "春节调休上班"));
    }

    @Test
    void anUnreadableDateNamesItsRow() {
        assertThat(problems(row(1, "元旦", "2098-01-01", ""), row(2, "春节", "2098-02-30", "")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.field()).isEqualTo("from");
                    assertThat(p.message()).startsWith("第 2 行：日期 '2098-02-30' 无法识别");
                });
    }

    @Test
    void theLastDayOffBeforeTheFirstIsRefused() {
        assertThat(problems(row(1, "清明节", "2098-04-06", "2098-04-04")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("第 1 行：放假结束日期早于开始日期"));
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefused() {
        // 2098-02-03 is a Monday
        assertThat(problems(row(3, "春节", "2098-02-04", "2098-02-10", "2098-02-03")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("workdays");
                    assertThat(p.message()).startsWith("第 3 行：调休上班日 2098-02-03（周一）平时就上班");
                });
    }

    @Test
    void aMakeUpDayInsideTheDaysOffIsRefused() {
        assertThat(problems(row(1, "春节", "2098-02-01", "2098-02-09", "2098-02-02")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("在放假期间内"));
    }

    @Test
    void twoRowsClaimingOneDayAreRefusedNamingBoth() {
        assertThat(problems(row(1, "中秋节", "2098-10-01", "2098-10-03"), row(2, "国庆节", "2098-10-03", "2098-10-07")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.message()).isEqualTo("第 2 行：2098-10-03 已在第 1 行出现 already listed in row 1");
                });
    }

    @Test
    void datesOutsideTheNoticesYearAndMissingNamesAndOverlongRunsAreRefused() {
        assertThat(problems(
                        row(1, "元旦", "2097-11-30", "2097-11-30"),
                        row(2, " ", "2098-05-01", "2098-05-03"),
                        row(3, "长假", "2098-07-01", "2098-07-20")))
                .extracting(HolidayNotice.Problem::row)
                .containsExactly(1, 2, 3);
        assertThat(problems())
                .singleElement()
                .satisfies(p -> assertThat(p.row()).isZero());
    }

    @Test
    void aFestivalMayStartInTheLastDaysOfThePreviousYear() {
        assertThat(problems(row(1, "元旦", "2097-12-30", "2098-01-01"))).isEmpty();
    }

    @Test
    void aYearsDaysReadBackAsTheNoticesRows() {
        HolidayNotice.Parsed parsed = HolidayNotice.parse(
                2026,
                null,
                List.of(
                        row(1, "元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
                        row(2, "春节", "2026-02-15", "2026-02-23", "2026-02-14、2026-02-28"),
                        row(3, "中秋节", "2026-09-25", "2026-09-27"),
                        row(4, "国庆节", "2026-10-01", "2026-10-07", "2026-09-20、2026-10-10")));
        assertThat(parsed.notice().check(WEEK)).isEmpty();
        Map<LocalDate, DayKind> kinds = new java.util.HashMap<>();
        Map<LocalDate, String> names = new java.util.HashMap<>();
        parsed.notice().days().forEach((d, day) -> {
            kinds.put(d, day.kind());
            names.put(d, day.name());
        });
        HolidayNotice back = HolidayNotice.of(2026, new CalendarRules(CityClock.ZONE, WEEK, kinds, names));
        assertThat(back.entries()).extracting(HolidayNotice.Entry::name).containsExactly("元旦", "春节", "中秋节", "国庆节");
        assertThat(back.entries().get(3).workdays())
                .containsExactly(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(back.entries().get(2).workdays()).isEmpty();
        assertThat(back.days()).isEqualTo(parsed.notice().days());
    }
}
