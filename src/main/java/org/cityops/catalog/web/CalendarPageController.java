package org.cityops.catalog.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cityops.catalog.internal.calendar.CachedWorkingCalendar;
import org.cityops.catalog.internal.calendar.CalendarAdmin;
import org.cityops.catalog.internal.calendar.WorkPeriod;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 工作日历 page: a year of months; administrators click a day to toggle it (through the JSON API). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER','SHIFT_LEADER')")
class CalendarPageController {

    private final CachedWorkingCalendar calendar;
    private final CalendarAdmin admin;
    private final java.time.Clock clock;

    CalendarPageController(CachedWorkingCalendar calendar, CalendarAdmin admin, java.time.Clock clock) {
        this.calendar = calendar;
        this.admin = admin;
        this.clock = clock;
    }

    /** A month as weeks of 7 cells (null = padding), Monday first. */
    record Month(int month, List<List<CalendarAdmin.Day>> weeks) {}

    /** A weekday's working periods as text, e.g. "08:30-12:00, 13:30-17:30". */
    record WeekdayHours(int dayOfWeek, String periods) {}

    @GetMapping("/admin/calendar")
    String year(
            @CurrentActor(required = false) StaffMember me, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null
                ? LocalDate.now(clock.withZone(org.cityops.platform.CityClock.ZONE))
                        .getYear()
                : year;
        CalendarAdmin.checkYear(y);
        List<CalendarAdmin.Day> days = admin.year(y);
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(y, m);
            List<List<CalendarAdmin.Day>> weeks = new ArrayList<>();
            List<CalendarAdmin.Day> week = new ArrayList<>();
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                week.add(days.get(ym.atDay(d).getDayOfYear() - 1));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        List<WeekdayHours> hours = new ArrayList<>();
        var weekly = calendar.rules().weekly();
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.add(new WeekdayHours(
                    d.getValue(),
                    weekly.get(d).stream().map(WorkPeriod::toString).collect(Collectors.joining(", "))));
        }
        model.addAttribute("year", y);
        model.addAttribute("months", months);
        model.addAttribute("hours", hours);
        model.addAttribute(
                "exceptions", days.stream().filter(d -> d.kind() != null).toList());
        model.addAttribute("coverage", HolidayNoticeController.coverage(calendar, clock));
        model.addAttribute("notice", org.cityops.catalog.internal.calendar.HolidayNotice.of(y, calendar.rules()));
        model.addAttribute("canEdit", me != null && me.has(Role.ADMIN));
        return "catalog/calendar";
    }
}
