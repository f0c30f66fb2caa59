package org.cityops.stats.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.PublishedRankings;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridAreas;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Gathers a {@link MonthlyReport} from the roll-up (the same queries as {@code GET /api/v1/stats/cases}), the grid
 * areas (geo), the published ranking (assessment) and the overdue list.
 */
@Component
public class MonthlyReports {

    private final RollupStore store;
    private final OverdueCases overdue;
    private final GridAreas gridAreas;
    private final PublishedRankings rankings;
    private final OrgDirectory org;
    private final Catalog catalog;
    private final Clock clock;

    MonthlyReports(
            RollupStore store,
            OverdueCases overdue,
            GridAreas gridAreas,
            PublishedRankings rankings,
            OrgDirectory org,
            Catalog catalog,
            Clock clock) {
        this.store = store;
        this.overdue = overdue;
        this.gridAreas = gridAreas;
        this.rankings = rankings;
        this.org = org;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** {@code yyyy-MM}, not after this month (city calendar); else 400 naming {@code month}. */
    public YearMonth month(String value) {
        YearMonth m;
        try {
            m = YearMonth.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("月份格式应为 yyyy-MM，例如 2026-11", "month");
        }
        if (m.isAfter(YearMonth.now(clock.withZone(CityClock.ZONE)))) {
            throw new InvalidInputException("月份不能晚于本月：" + m, "month");
        }
        return m;
    }

    /** The report of one month for a scope already checked ({@link CaseStats#scope}). */
    public MonthlyReport of(YearMonth month, CaseStats.Scope scope) {
        String area = scope.area();
        String dept = scope.department();
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        StatsRow totals = total(from, to, area, dept);
        StatsRow lastMonth = total(from.minusMonths(1), from.minusDays(1), area, dept);
        YearMonth ly = month.minusYears(1);
        StatsRow lastYear = total(ly.atDay(1), ly.atEndOfMonth(), area, dept);
        List<StatsRow> days = store.query(new StatsQuery(List.of(Dimension.DAY), from, to, area, "", dept));
        List<MonthlyReport.Named> categories = new ArrayList<>();
        for (StatsRow r : byReported(store.query(q(Dimension.CATEGORY, from, to, area, dept)))) {
            String code = (String) r.keys().get(0);
            categories.add(new MonthlyReport.Named(code, categoryName(code), r));
        }
        Instant monthEnd = to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant asOf = monthEnd.isAfter(clock.instant()) ? clock.instant() : monthEnd;
        List<MonthlyReport.OverdueLine> lines = new ArrayList<>();
        for (OverdueCases.Overdue o : overdue.openAt(area, dept, asOf, MonthlyReport.OVERDUE_LINES)) {
            LocalDate due = o.dueAt().atZone(CityClock.ZONE).toLocalDate();
            lines.add(new MonthlyReport.OverdueLine(
                    o.caseNumber(),
                    categoryName(o.categoryCode()),
                    name(o.districtCode()),
                    o.gridCode(),
                    due,
                    Math.max(0, ChronoUnit.DAYS.between(o.dueAt(), asOf))));
        }
        return new MonthlyReport(
                month,
                from,
                to,
                area,
                area.isEmpty() ? "全市" : name(area),
                totals,
                lastMonth,
                lastYear,
                days,
                categories.subList(0, Math.min(MonthlyReport.TOP, categories.size())),
                hotGrids(from, to, area, dept),
                rankings.overlapping(from, to).orElse(null),
                lines);
    }

    private List<MonthlyReport.HotGrid> hotGrids(LocalDate from, LocalDate to, String area, String dept) {
        Map<String, Double> areas = gridAreas.areasKm2(area);
        List<MonthlyReport.HotGrid> out = new ArrayList<>();
        for (StatsRow r : store.query(q(Dimension.GRID, from, to, area, dept))) {
            String code = (String) r.keys().get(0);
            Double km2 = areas.get(code);
            long n = r.get(Measure.REPORTED);
            if (km2 == null || km2 <= 0 || n == 0) {
                continue;
            }
            String street = code.length() >= 9 ? name(code.substring(0, 9)) : "";
            out.add(new MonthlyReport.HotGrid(code, street, n, km2, n / km2));
        }
        out.sort(Comparator.comparingDouble(MonthlyReport.HotGrid::perKm2)
                .reversed()
                .thenComparing(MonthlyReport.HotGrid::code));
        return out.subList(0, Math.min(MonthlyReport.TOP, out.size()));
    }

    private StatsRow total(LocalDate from, LocalDate to, String area, String dept) {
        return StatsRow.sum(store.query(new StatsQuery(List.of(), from, to, area, "", dept)));
    }

    private static StatsQuery q(Dimension d, LocalDate from, LocalDate to, String area, String dept) {
        return new StatsQuery(List.of(d), from, to, area, "", dept);
    }

    private static List<StatsRow> byReported(List<StatsRow> rows) {
        List<StatsRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((StatsRow r) -> r.get(Measure.REPORTED))
                .reversed()
                .thenComparing(r -> String.valueOf(r.keys().get(0))));
        return sorted;
    }

    private String categoryName(String code) {
        if (code == null || code.isEmpty()) {
            return "未知";
        }
        return catalog.resolve(code).map(c -> c.majorName() + " / " + c.name()).orElse(code);
    }

    private String name(String code) {
        return code == null || code.isEmpty() ? "未知" : org.nameOf(code);
    }
}
