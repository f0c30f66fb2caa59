package org.cityops.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityops.platform.CityClock;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The narrow roll-ups give every question the same answer as the full daily table (the answer before them),
 * and a rebuild from the facts gives the same rows as the live updates. The facts are a few hundred synthetic
 * cases in 2031 and in districts of their own, so the demo city's and the other tests' cases do not interfere.
 */
@IntegrationTest
class RollupEquivalenceTests {

    static final LocalDate START = LocalDate.of(2031, 1, 1);
    static final String[] DISTRICTS = {"990101", "990102"};
    static final String[] CATEGORIES = {"C01001", "C01002", "E02001"};
    static final String[] CHANNELS = {"HOTLINE", "PUBLIC", "INSPECTOR"};
    static final String[] DEPARTMENTS = {"D1", "D2", "D3"};

    @Autowired
    RollupStore store;

    @Autowired
    JdbcClient jdbc;

    static final List<Fact> HISTORY = history();

    /** A realistic history: 受理 → 立案 → 派遣 → 结案 (按期 or not) or 超期 (some closed later), 返工, 回访. */
    static List<Fact> history() {
        Random random = new Random(2031);
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long caseId = -9_100_000L - i;
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String street = district + "00" + (1 + random.nextInt(2));
            String grid = street + "00" + (1 + random.nextInt(2)) + "00" + (1 + random.nextInt(3));
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String dept = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            LocalDate day = START.plusDays(random.nextInt(120));
            int[] at = {0};
            Function<Measure, Fact> fact = m -> {
                LocalDate d = day.plusDays(at[0]);
                Instant when = d.atTime(10, 0).atZone(CityClock.ZONE).toInstant();
                String dep = m == Measure.REPORTED || m == Measure.FILED ? "" : dept;
                return new Fact(
                        "rollup-test:" + caseId + ":" + m + ":" + at[0],
                        caseId,
                        m,
                        1,
                        d,
                        when,
                        district,
                        street,
                        grid,
                        category,
                        channel,
                        dep);
            };
            facts.add(fact.apply(Measure.REPORTED));
            facts.add(fact.apply(Measure.FILED));
            facts.add(fact.apply(Measure.DISPATCHED));
            int fate = random.nextInt(10);
            at[0] += 1 + random.nextInt(20);
            if (fate < 2) {
                facts.add(fact.apply(Measure.OVERDUE));
                facts.add(fact.apply(Measure.OVERDUE_OPEN));
                if (fate == 0) {
                    at[0] += 1 + random.nextInt(20);
                    facts.add(fact.apply(Measure.CLOSED)); // takes the 超期未结 back out
                }
                continue;
            }
            if (fate == 2) {
                facts.add(fact.apply(Measure.REWORK));
                at[0]++;
            }
            facts.add(fact.apply(Measure.CLOSED));
            if (fate > 3) {
                facts.add(fact.apply(Measure.CLOSED_ON_TIME));
            }
            at[0]++;
            facts.add(fact.apply(Measure.values()[Measure.SATISFIED.ordinal() + random.nextInt(3)]));
        }
        return facts;
    }

    /** Recorded before each test: a rebuild from the case history (another test) forgets facts without cases. */
    @BeforeEach
    void recordTheHistory() {
        store.record(HISTORY);
    }

    @Test
    void every_grouping_area_category_department_and_period_gives_the_answer_of_the_full_daily_table() {
        List<List<Dimension>> groupings = new ArrayList<>();
        groupings.add(List.of());
        for (Dimension a : Dimension.values()) {
            groupings.add(List.of(a));
            for (Dimension b : Dimension.values()) {
                if (a != b) {
                    groupings.add(List.of(a, b));
                }
            }
        }
        String[][] filters = {
            {"", "", null},
            {"990101", "", null},
            {"990102001", "C01", null},
            {"990101001001", "", null},
            {"990102002001002", "", null},
            {"", "E02001", "D2"},
            {"990101", "", "D1"}
        };
        LocalDate[][] periods = {
            {START, LocalDate.of(2031, 3, 31)},
            {LocalDate.of(2031, 1, 10), LocalDate.of(2031, 4, 20)},
            {LocalDate.of(2031, 2, 3), LocalDate.of(2031, 2, 17)},
            {START, LocalDate.of(2031, 12, 31)}
        };
        int nonEmpty = 0;
        for (List<Dimension> by : groupings) {
            for (String[] f : filters) {
                for (LocalDate[] p : periods) {
                    StatsQuery q = new StatsQuery(by, p[0], p[1], f[0], f[1], f[2]);
                    List<StatsRow> full = store.query(q, RollupPlan.only(Rollup.ALL_DAY, q));
                    assertThat(store.query(q))
                            .as("%s from %s", q, RollupPlan.of(q))
                            .isEqualTo(full);
                    nonEmpty += full.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(nonEmpty).as("questions with an answer").isGreaterThan(groupings.size() * 20);
    }

    @Test
    void a_replayed_history_is_counted_once_and_a_rebuild_gives_the_live_rows() {
        Map<Rollup, List<Map<String, Object>>> live = rows();
        assertThat(live.get(Rollup.AREA_MONTH)).isNotEmpty();
        assertThat(live.get(Rollup.GRID_MONTH)).isNotEmpty();

        assertThat(store.record(HISTORY)).isZero();
        assertThat(rows()).isEqualTo(live);

        store.rebuild();
        assertThat(rows()).isEqualTo(live);
    }

    /** Every roll-up's rows of the test's year, in key order. */
    Map<Rollup, List<Map<String, Object>>> rows() {
        return Arrays.stream(Rollup.values())
                .collect(Collectors.toMap(
                        Function.identity(),
                        r -> jdbc.sql("SELECT * FROM " + r.table()
                                        + " WHERE stat_day BETWEEN :from AND :to ORDER BY stat_day, "
                                        + r.keys().stream().map(Dimension::sql).collect(Collectors.joining(", ")))
                                .param("from", START)
                                .param("to", LocalDate.of(2031, 12, 31))
                                .query()
                                .listOfRows()));
    }
}
