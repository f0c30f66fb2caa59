package org.cityops.catalog.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year's holiday arrangements as the State Council General Office's notice (国务院办公厅关于 N 年部分节假日安排的通知)
 * lists them: per festival a name, the days off (放假, {@code from}–{@code to}) and the weekend days worked
 * instead (调休上班). Free of storage; {@link #check} says what is wrong with which row before anything is written.
 *
 * @param source where the data comes from, e.g. 国办发明电〔2026〕N号 (optional, kept in the audit trail)
 */
public record HolidayNotice(int year, String source, List<Entry> entries) {

    /** Holidays of one festival; {@code row} as the caller numbers it (table row, Excel row, JSON item from 1). */
    public record Entry(int row, String name, LocalDate from, LocalDate to, List<LocalDate> workdays) {

        public LocalDate end() {
            return to == null ? from : to;
        }
    }

    /** A problem with one row (0: the notice as a whole) and field. */
    public record Problem(int row, String field, String message) {}

    /** A date the notice sets. */
    public record Day(LocalDate date, DayKind kind, String name) {}

    /** A row as typed (table, workbook or JSON): dates as text, make-up days as one or more dates. */
    public record RawEntry(int row, String name, String from, String to, List<String> workdays) {}

    /** A notice read from text, and the rows whose dates could not be read (then the notice is not usable). */
    public record Parsed(HolidayNotice notice, List<Problem> problems) {}

    private static final java.util.regex.Pattern DATE =
            java.util.regex.Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s,，、;；]+");

    /** Reads typed rows; dates as 2027-02-06, 2027/2/6 or 2027年2月6日; make-up days separated by 、，, ; or spaces. */
    public static Parsed parse(int year, String source, List<RawEntry> raw) {
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (RawEntry r : raw == null ? List.<RawEntry>of() : raw) {
            int before = problems.size();
            LocalDate from = date(r, "from", r.from(), problems);
            LocalDate to = date(r, "to", r.to(), problems);
            List<LocalDate> workdays = new ArrayList<>();
            for (String text : r.workdays() == null ? List.<String>of() : r.workdays()) {
                for (String part : SEPARATORS.split(text == null ? "" : text.strip())) {
                    if (!part.isEmpty()) {
                        LocalDate w = date(r, "workdays", part, problems);
                        if (w != null) {
                            workdays.add(w);
                        }
                    }
                }
            }
            if (problems.size() == before) {
                entries.add(
                        new Entry(r.row(), r.name() == null ? null : r.name().strip(), from, to, workdays));
            }
        }
        return new Parsed(new HolidayNotice(year, source, entries), problems);
    }

    private static LocalDate date(RawEntry r, String field, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var m = DATE.matcher(text.strip());
        if (m.matches()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                // falls through to the problem below
            }
        }
        problems.add(new Problem(
                r.row(),
                field,
                "第 " + r.row() + " 行：日期 '" + text.strip() + "' 无法识别，请写作 2027-02-06 not a date (use 2027-02-06)"));
        return null;
    }

    /** The longest run of days off one festival may have (the longest so far: 9, 春节 2026). */
    static final int MAX_HOLIDAY_DAYS = 15;

    static final int MAX_NAME = 90;
    static final String WORKDAY_SUFFIX = "调休上班";

    public HolidayNotice {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The first and last date a notice for {@code year} may set (a festival may start in late December before). */
    public LocalDate firstDate() {
        return LocalDate.of(year - 1, 12, 1);
    }

    public LocalDate lastDate() {
        return LocalDate.of(year + 1, 1, 31);
    }

    /** Every problem, each naming its row; empty when the notice can be applied on this weekly pattern. */
    public List<Problem> check(Map<DayOfWeek, List<WorkPeriod>> weekly) {
        List<Problem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(new Problem(0, "year", "年份须在 2000–2100 之间 year must be within 2000-2100"));
            return problems;
        }
        if (entries.isEmpty()) {
            problems.add(new Problem(0, "holidays", "通知中没有任何节日 the notice lists no holiday"));
            return problems;
        }
        Map<LocalDate, Integer> taken = new HashMap<>();
        for (Entry e : entries) {
            if (e.name() == null || e.name().isBlank()) {
                problems.add(problem(e, "name", "缺少节日名称 the festival's name is missing"));
            } else if (e.name().strip().length() > MAX_NAME) {
                problems.add(problem(e, "name", "节日名称过长（最多 " + MAX_NAME + " 字） name longer than " + MAX_NAME));
            }
            if (e.from() == null) {
                problems.add(problem(e, "from", "缺少放假开始日期 the first day off is missing"));
                continue;
            }
            LocalDate end = e.end();
            if (end.isBefore(e.from())) {
                problems.add(
                        problem(e, "to", "放假结束日期早于开始日期 the last day off " + end + " is before the first " + e.from()));
                continue;
            }
            if (ChronoUnit.DAYS.between(e.from(), end) + 1 > MAX_HOLIDAY_DAYS) {
                problems.add(problem(
                        e,
                        "to",
                        "放假超过 " + MAX_HOLIDAY_DAYS + " 天 more than " + MAX_HOLIDAY_DAYS + " days off: " + e.from()
                                + " – " + end));
                continue;
            }
            if (outside(e.from()) || outside(end)) {
                problems.add(problem(
                        e, "from", "日期不属于 " + year + " 年的安排 dates " + e.from() + " – " + end + " are not in " + year));
                continue;
            }
            for (LocalDate d = e.from(); !d.isAfter(end); d = d.plusDays(1)) {
                Integer other = taken.putIfAbsent(d, e.row());
                if (other != null) {
                    problems.add(problem(e, "from", d + " 已在第 " + other + " 行出现 already listed in row " + other));
                    break;
                }
            }
            for (LocalDate w : e.workdays() == null ? List.<LocalDate>of() : e.workdays()) {
                if (w == null) {
                    problems.add(problem(e, "workdays", "调休上班日期为空 an empty make-up working day"));
                } else if (outside(w)) {
                    problems.add(problem(e, "workdays", "调休上班日 " + w + " 不属于 " + year + " 年的安排 is not in " + year));
                } else if (!e.from().isAfter(w) && !end.isBefore(w)) {
                    problems.add(problem(e, "workdays", "调休上班日 " + w + " 在放假期间内 falls inside the days off"));
                } else if (!weekly.getOrDefault(w.getDayOfWeek(), List.of()).isEmpty()) {
                    problems.add(problem(
                            e,
                            "workdays",
                            "调休上班日 " + w + "（" + weekday(w) + "）平时就上班，须是周末等休息日 "
                                    + "is a working day anyway; a make-up working day must be a day normally off"));
                } else {
                    Integer other = taken.putIfAbsent(w, e.row());
                    if (other != null) {
                        problems.add(
                                problem(e, "workdays", w + " 已在第 " + other + " 行出现 already listed in row " + other));
                    }
                }
            }
        }
        return problems;
    }

    /** The dates the notice sets, by date. Call after {@link #check} found nothing. */
    public Map<LocalDate, Day> days() {
        Map<LocalDate, Day> days = new TreeMap<>();
        for (Entry e : entries) {
            String name = e.name().strip();
            for (LocalDate d = e.from(); !d.isAfter(e.end()); d = d.plusDays(1)) {
                days.put(d, new Day(d, DayKind.HOLIDAY, name));
            }
            for (LocalDate w : e.workdays() == null ? List.<LocalDate>of() : e.workdays()) {
                days.put(w, new Day(w, DayKind.MAKEUP_WORKDAY, name + WORKDAY_SUFFIX));
            }
        }
        return days;
    }

    /**
     * A year's entered days as notice rows (for the page's table and the workbook): consecutive holidays of one
     * name are one row; a make-up day goes to the row whose name its own name starts with or contains (春节调休上班 →
     * 春节), else to the nearest row. Make-up days with no holiday at all are left out.
     */
    public static HolidayNotice of(int year, CalendarRules rules) {
        List<Entry> rows = new ArrayList<>();
        List<List<LocalDate>> workdays = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Entry open = null;
        for (Map.Entry<LocalDate, DayKind> x : rules.exceptions().entrySet()) {
            LocalDate d = x.getKey();
            if (x.getValue() != DayKind.HOLIDAY || d.isBefore(first) || d.isAfter(last)) {
                continue;
            }
            String name = rules.nameOf(d) == null ? "节假日" : rules.nameOf(d);
            if (open != null && open.end().plusDays(1).equals(d) && open.name().equals(name)) {
                open = new Entry(open.row(), name, open.from(), d, List.of());
                rows.set(rows.size() - 1, open);
            } else {
                open = new Entry(rows.size() + 1, name, d, d, List.of());
                rows.add(open);
                workdays.add(new ArrayList<>());
            }
        }
        if (!rows.isEmpty()) {
            for (Map.Entry<LocalDate, DayKind> x : rules.exceptions().entrySet()) {
                LocalDate d = x.getKey();
                if (x.getValue() != DayKind.MAKEUP_WORKDAY || d.isBefore(first) || d.isAfter(last)) {
                    continue;
                }
                workdays.get(owner(rows, d, rules.nameOf(d))).add(d);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Entry e = rows.get(i);
            entries.add(new Entry(e.row(), e.name(), e.from(), e.end(), List.copyOf(workdays.get(i))));
        }
        return new HolidayNotice(year, null, entries);
    }

    private static int owner(List<Entry> rows, LocalDate day, String name) {
        String festival = name == null
                ? ""
                : name.replace(WORKDAY_SUFFIX, "").replace("补班", "").strip();
        if (!festival.isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).name().startsWith(festival)
                        || festival.startsWith(rows.get(i).name())) {
                    return i;
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).name().contains(festival)) {
                    return i;
                }
            }
        }
        int best = 0;
        long bestGap = Long.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            Entry e = rows.get(i);
            long gap = day.isBefore(e.from())
                    ? ChronoUnit.DAYS.between(day, e.from())
                    : Math.max(0, ChronoUnit.DAYS.between(e.end(), day));
            if (gap < bestGap) {
                best = i;
                bestGap = gap;
            }
        }
        return best;
    }

    private boolean outside(LocalDate d) {
        return d.isBefore(firstDate()) || d.isAfter(lastDate());
    }

    private static Problem problem(Entry e, String field, String message) {
        return new Problem(e.row(), field, "第 " + e.row() + " 行：" + message);
    }

    private static String weekday(LocalDate d) {
        return "周" + "一二三四五六日".charAt(d.getDayOfWeek().getValue() - 1);
    }
}
