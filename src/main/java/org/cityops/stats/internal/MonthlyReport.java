package org.cityops.stats.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.cityops.assessment.PublishedRankings;

/**
 * The content of one 数字城管月报 (monthly report) of an area, names resolved, ready to be written: totals against
 * last month and the same month last year, the rates (the assessment's formulas), the daily trend, the top
 * categories, the hot-spot grids, the published district ranking (if any) and the overdue list.
 */
public record MonthlyReport(
        YearMonth month,
        LocalDate from,
        LocalDate to,
        String area,
        String areaName,
        StatsRow totals,
        StatsRow lastMonth,
        StatsRow lastYear,
        List<StatsRow> days,
        List<Named> topCategories,
        List<HotGrid> hotGrids,
        PublishedRankings.Ranking ranking,
        List<OverdueLine> overdue) {

    /** How many entries the report's lists hold. */
    public static final int TOP = 10;

    public static final int OVERDUE_LINES = 50;

    public MonthlyReport {
        days = List.copyOf(days);
        topCategories = List.copyOf(topCategories);
        hotGrids = List.copyOf(hotGrids);
        overdue = List.copyOf(overdue);
    }

    /** A group of the month (a category) with its name and numbers. */
    public record Named(String code, String name, StatsRow row) {}

    /** A grid by cases per km² (受理 / area). */
    public record HotGrid(String code, String streetName, long reported, double areaKm2, double perKm2) {}

    /** One overdue, not closed case at the month's end. */
    public record OverdueLine(
            String caseNumber,
            String categoryName,
            String districtName,
            String gridCode,
            LocalDate dueDay,
            long daysOverdue) {}
}
