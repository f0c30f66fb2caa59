package org.cityops.stats.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.AreaRates;
import org.springframework.stereotype.Component;

/**
 * The command centre's numbers (指挥中心大屏) for an area, from the same roll-up the statistics use: today's
 * intake by channel, 立案/派遣/结案 and the 按期结案率 (the assessment's formula), the week's trend and the
 * month's district ranking. The tiles of other modules come through {@link org.cityops.stats.WallTile}.
 */
@Component
public class Wallboard {

    private final RollupStore store;

    Wallboard(RollupStore store) {
        this.store = store;
    }

    /** Numbers of one day: the counts and the rates. */
    public record Day(LocalDate day, Map<Measure, Long> counts, AreaRates.Rates rates) {}

    /** One district's place in the month's ranking (by 按期结案率, then 结案率). */
    public record Ranked(String district, long filed, long closed, AreaRates.Rates rates) {}

    public record Snapshot(
            LocalDate today,
            Day totals,
            List<StatsRow> byChannel,
            List<Day> week,
            List<Ranked> ranking,
            List<StatsRow> topCategories) {}

    public Snapshot snapshot(String area, LocalDate today) {
        StatsQuery todayByChannel = new StatsQuery(List.of(Dimension.CHANNEL), today, today, area, "", null);
        List<StatsRow> channels = store.query(todayByChannel);
        StatsRow total = StatsRow.sum(channels);
        List<Day> week = new ArrayList<>();
        Map<LocalDate, StatsRow> byDay = new LinkedHashMap<>();
        for (StatsRow r :
                store.query(new StatsQuery(List.of(Dimension.DAY), today.minusDays(6), today, area, "", null))) {
            byDay.put((LocalDate) r.keys().get(0), r);
        }
        for (LocalDate d = today.minusDays(6); !d.isAfter(today); d = d.plusDays(1)) {
            StatsRow r = byDay.getOrDefault(d, StatsRow.sum(List.of()));
            week.add(new Day(d, r.counts(), r.rates()));
        }
        LocalDate monthStart = today.withDayOfMonth(1);
        List<Ranked> ranking = new ArrayList<>();
        for (StatsRow r : store.query(new StatsQuery(List.of(Dimension.DISTRICT), monthStart, today, area, "", null))) {
            String district = (String) r.keys().get(0);
            if (district != null && !district.isEmpty()) {
                ranking.add(new Ranked(district, r.get(Measure.FILED), r.get(Measure.CLOSED), r.rates()));
            }
        }
        ranking.sort((a, b) -> {
            int c = Double.compare(
                    rate(b.rates().closeByDeadlineRate()), rate(a.rates().closeByDeadlineRate()));
            return c != 0
                    ? c
                    : Double.compare(rate(b.rates().closeRate()), rate(a.rates().closeRate()));
        });
        List<StatsRow> categories = new ArrayList<>(
                store.query(new StatsQuery(List.of(Dimension.CATEGORY), monthStart, today, area, "", null)));
        categories.sort((a, b) -> Long.compare(b.get(Measure.REPORTED), a.get(Measure.REPORTED)));
        return new Snapshot(
                today,
                new Day(today, total.counts(), total.rates()),
                channels,
                week,
                ranking,
                categories.subList(0, Math.min(10, categories.size())));
    }

    private static double rate(Double v) {
        return v == null ? -1 : v;
    }
}
