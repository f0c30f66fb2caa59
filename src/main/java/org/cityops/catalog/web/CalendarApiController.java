package org.cityops.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.internal.calendar.CachedWorkingCalendar;
import org.cityops.catalog.internal.calendar.CalendarAdmin;
import org.cityops.catalog.internal.calendar.CalendarRules;
import org.cityops.catalog.internal.calendar.DayKind;
import org.cityops.catalog.internal.calendar.WorkPeriod;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar (工作日历): year view, holidays and 调休 days, working hours, deadline helper. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/calendar")
@PreAuthorize(Roles.ALL_STAFF)
class CalendarApiController {

    private final CachedWorkingCalendar calendar;
    private final CalendarAdmin admin;
    private final java.time.Clock clock;

    CalendarApiController(CachedWorkingCalendar calendar, CalendarAdmin admin, java.time.Clock clock) {
        this.calendar = calendar;
        this.admin = admin;
        this.clock = clock;
    }

    record YearView(int year, Map<Integer, List<String>> week, List<CalendarAdmin.Day> days) {}

    @GetMapping("/{year:\\d{4}}")
    YearView year(@PathVariable int year) {
        return new YearView(year, week(calendar.rules()), admin.year(year));
    }

    static Map<Integer, List<String>> week(CalendarRules rules) {
        Map<Integer, List<String>> week = new LinkedHashMap<>();
        rules.weekly()
                .forEach((d, ps) -> week.put(
                        d.getValue(), ps.stream().map(WorkPeriod::toString).toList()));
        return week;
    }

    /** kind null (or absent) puts the date back on the weekly pattern. */
    record DayRequest(DayKind kind, @Size(max = 100) String name) {}

    @PutMapping("/days/{date}")
    @PreAuthorize(Roles.ADMIN)
    CalendarAdmin.Day setDay(@PathVariable LocalDate date, @Valid @RequestBody DayRequest body) {
        admin.setDay(date, body.kind(), body.name());
        return day(date);
    }

    @DeleteMapping("/days/{date}")
    @PreAuthorize(Roles.ADMIN)
    @ResponseStatus(HttpStatus.OK)
    CalendarAdmin.Day resetDay(@PathVariable LocalDate date) {
        admin.setDay(date, null, null);
        return day(date);
    }

    private CalendarAdmin.Day day(LocalDate date) {
        return admin.year(date.getYear()).get(date.getDayOfYear() - 1);
    }

    /** Working periods per ISO weekday (1 = Monday): {"week": {"1": ["08:30-12:00", "13:30-17:30"], ...}}. */
    record WeekRequest(@NotNull Map<Integer, @Size(max = 6) List<String>> week) {}

    @PutMapping("/week")
    @PreAuthorize(Roles.ADMIN)
    Map<Integer, List<String>> setWeek(@Valid @RequestBody WeekRequest body) {
        Map<DayOfWeek, List<WorkPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<Integer, List<String>> e : body.week().entrySet()) {
            if (e.getKey() == null || e.getKey() < 1 || e.getKey() > 7) {
                throw new InvalidInputException("星期须为 1–7 weekday must be 1 (Monday) to 7 (Sunday)", "week");
            }
            List<WorkPeriod> periods = new ArrayList<>();
            for (String p : e.getValue() == null ? List.<String>of() : e.getValue()) {
                periods.add(WorkPeriod.parse(p));
            }
            week.put(DayOfWeek.of(e.getKey()), periods);
        }
        admin.setWeek(week);
        return week(calendar.rules());
    }

    record DeadlineAnswer(
            Instant start,
            Instant deadline,
            String startDisplay,
            String deadlineDisplay,
            TimeBasis basis,
            long minutes) {}

    /**
     * When a limit of {@code hours} on {@code basis} starting at {@code start} runs out. {@code start} is an
     * ISO instant ({@code 2026-09-30T09:00:00Z}), an offset date-time, or a local date-time in the city's zone
     * ({@code 2026-09-30T17:00}); absent means now.
     */
    @GetMapping("/deadline")
    DeadlineAnswer deadline(
            @RequestParam(required = false) @Size(max = 40) String start,
            @RequestParam @DecimalMin(value = "0") @DecimalMax("8784") BigDecimal hours,
            @RequestParam(defaultValue = "WORKING") TimeBasis basis) {
        Instant from = start == null || start.isBlank() ? clock.instant() : parseInstant(start, "start");
        Duration d = CatalogDtos.duration(hours, "hours");
        Instant end = calendar.deadline(from, new TimeLimit(d, basis));
        return new DeadlineAnswer(from, end, CityClock.display(from), CityClock.display(end), basis, d.toMinutes());
    }

    record ElapsedAnswer(Instant from, Instant to, TimeBasis basis, long minutes) {}

    @GetMapping("/elapsed")
    ElapsedAnswer elapsed(
            @RequestParam @Size(max = 40) String from,
            @RequestParam @Size(max = 40) String to,
            @RequestParam(defaultValue = "WORKING") TimeBasis basis) {
        Instant a = parseInstant(from, "from");
        Instant b = parseInstant(to, "to");
        if (Duration.between(a, b).abs().compareTo(Duration.ofDays(3660)) > 0) {
            throw new InvalidInputException("时间跨度过大 span longer than ten years", "to");
        }
        return new ElapsedAnswer(a, b, basis, calendar.elapsed(a, b, basis).toMinutes());
    }

    static Instant parseInstant(String text, String field) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime local = LocalDateTime.parse(s);
                CalendarAdmin.checkYear(local.getYear());
                return local.atZone(CityClock.ZONE).toInstant();
            } catch (DateTimeException e2) {
                throw new InvalidInputException(
                        "时间格式不正确 not a date-time: '" + text + "' (use 2026-09-30T17:00 or 2026-09-30T09:00:00Z)",
                        field);
            }
        }
    }
}
