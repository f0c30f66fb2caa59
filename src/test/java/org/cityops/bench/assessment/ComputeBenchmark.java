package org.cityops.bench.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.internal.FactQueries;
import org.cityops.assessment.internal.model.Composite;
import org.cityops.assessment.internal.model.Counters;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.ScoringConfig;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.assessment.internal.model.Tabulation;
import org.cityops.platform.CityClock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Set-based computation (one GROUP BY per subject group) against one query per subject, over the fact table of
 * a PostgreSQL database filled by bench/assessment/generate.sql. Not a test: run it on purpose, it prints
 * numbers (see docs/benchmarks.md). Args: jdbcUrl user from to [perSubjectSample].
 */
public final class ComputeBenchmark {

    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        LocalDate from = LocalDate.parse(args[2]);
        LocalDate to = LocalDate.parse(args[3]);
        int sample = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        var ds = new SingleConnectionDataSource(url, user, System.getenv().getOrDefault("PGPASSWORD", ""), true);
        var jdbc = new NamedParameterJdbcTemplate(ds);
        String workMem = System.getProperty("workMem", "64MB");
        jdbc.getJdbcTemplate().execute("SET work_mem = '" + workMem + "'");
        System.out.println("work_mem " + workMem);
        FactQueries facts = new FactQueries(jdbc);
        var w = new FactQueries.Window(
                from.atStartOfDay(CityClock.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant(),
                Long.MAX_VALUE);
        long steps = jdbc.getJdbcTemplate()
                .queryForObject(
                        "SELECT COUNT(*) FROM asm_case_step WHERE occurred_at >= ? AND occurred_at < ?",
                        Long.class,
                        java.sql.Timestamp.from(w.from()),
                        java.sql.Timestamp.from(w.to()));
        System.out.printf("window %s ~ %s: %,d steps%n", from, to, steps);

        // set-based, twice (the first run warms the cache)
        Tabulation tab = null;
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            tab = new Tabulation();
            long ta = System.nanoTime();
            facts.areaTallies(w, null, null, tab::add);
            long tb = System.nanoTime();
            facts.deptTallies(w, null, tab::add);
            long tc = System.nanoTime();
            facts.postRows(w, null, tab::add);
            long td = System.nanoTime();
            int subjects = score(tab);
            long t1 = System.nanoTime();
            System.out.printf(
                    "set-based run %d: %,d subjects in %.2f s (areas %.2f s, departments %.2f s, posts %.2f s,"
                            + " scoring %.2f s)%n",
                    run, subjects, sec(t1 - t0), sec(tb - ta), sec(tc - tb), sec(td - tc), sec(t1 - td));
        }

        // one query per subject: time a sample of each subject type and extrapolate to all its subjects
        Map<SubjectType, double[]> perType = new LinkedHashMap<>();
        double totalSeconds = 0;
        for (SubjectType type : SubjectType.values()) {
            if (sample == 0) {
                break;
            }
            List<String> codes = new ArrayList<>(tab.subjects(type).keySet());
            if (codes.isEmpty()) {
                continue;
            }
            List<String> picked = codes.subList(0, Math.min(sample, codes.size()));
            long t0 = System.nanoTime();
            for (String code : picked) {
                Tabulation one = new Tabulation();
                switch (type.group()) {
                    case AREA -> facts.areaTallies(w, type, code, one::add);
                    case DEPARTMENT -> facts.deptTallies(w, code, one::add);
                    case POST -> facts.postRows(w, code, one::add);
                }
            }
            double each = sec(System.nanoTime() - t0) / picked.size();
            perType.put(type, new double[] {codes.size(), each});
            totalSeconds += each * codes.size();
            System.out.printf(
                    "per-subject %-12s %,6d subjects × %.3f s (sample %d) = %.1f s%n",
                    type, codes.size(), each, picked.size(), each * codes.size());
        }
        System.out.printf("per-subject total (extrapolated): %.1f s%n", totalSeconds);
    }

    static int score(Tabulation tab) {
        ScoringConfig cfg = ScoringConfig.defaults();
        int n = 0;
        for (SubjectType type : SubjectType.values()) {
            for (Map.Entry<String, Counters> e : tab.subjects(type).entrySet()) {
                Map<String, Double> v = Indicators.values(type, cfg.options(), e.getValue());
                Composite.of(cfg.composite().get(type), v);
                n++;
            }
        }
        return n;
    }

    static double sec(long nanos) {
        return nanos / 1e9;
    }
}
