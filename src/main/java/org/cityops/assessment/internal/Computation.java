package org.cityops.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.assessment.internal.model.Composite;
import org.cityops.assessment.internal.model.Counters;
import org.cityops.assessment.internal.model.DeptTally;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.Ranking;
import org.cityops.assessment.internal.model.ScoringConfig;
import org.cityops.assessment.internal.model.Source;
import org.cityops.assessment.internal.model.SourceBlend;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.assessment.internal.model.Tabulation;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Computes one version of a period: three set-based reads over the fact projection (areas, departments, posts),
 * counters → indicators → composite, automatic deductions from the standard items, the other sources' scores,
 * the blended total, grade and rank; everything stored under a new version id. Called by {@link Periods} inside
 * its transaction.
 */
@Service
public class Computation {

    public record Outcome(long periodId, int version, long versionId, long asOfStepId, int subjects, long millis) {}

    /** Key of a subject within a version. */
    record Key(SubjectType type, String code) {}

    private final FactQueries facts;
    private final Schemes schemes;
    private final NamedParameterJdbcTemplate jdbc;
    private final OrgDirectory org;
    private final Clock clock;

    private final boolean postgres;
    private final String workMem;

    Computation(
            FactQueries facts,
            Schemes schemes,
            NamedParameterJdbcTemplate jdbc,
            OrgDirectory org,
            Clock clock,
            javax.sql.DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${cityops.assessment.work-mem:64MB}") String workMem) {
        this.postgres = JdbcCaseFactSink.isPostgres(dataSource);
        this.workMem = workMem.matches("\\d+[kMG]B") ? workMem : "64MB";
        this.facts = facts;
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    Outcome run(StaffMember by, Periods.Period p, int version, String reason) {
        long t0 = System.nanoTime();
        if (postgres) {
            // the per-case aggregation of a month is ~170k groups: let it hash in memory (this transaction only)
            jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '" + workMem + "'");
        }
        long asOf = facts.maxStepId();
        FactQueries.Window w = p.window(asOf);
        Schemes.Scheme scheme = schemes.byId(p.schemeId());
        ScoringConfig cfg = scheme.scoring();

        Tabulation tab = new Tabulation();
        List<DeptTally> chargeable = new ArrayList<>();
        facts.areaTallies(w, null, null, tab::add);
        facts.deptTallies(w, null, t -> {
            tab.add(t);
            if (t.overdue() || t.reworks() > 0) {
                chargeable.add(t);
            }
        });
        facts.postRows(w, null, tab::add);

        var keys = new GeneratedKeyHolder();
        jdbc.update(
                """
                INSERT INTO asm_result_version (period_id, version, reason, as_of_step_id, computed_at, computed_by, millis)
                VALUES (:p, :v, :reason, :asOf, :at, :by, 0)""",
                new MapSqlParameterSource()
                        .addValue("p", p.id())
                        .addValue("v", version)
                        .addValue("reason", reason)
                        .addValue("asOf", asOf)
                        .addValue("at", DbTime.toDb(clock.instant()))
                        .addValue("by", by.username()),
                keys,
                new String[] {"id"});
        long versionId = keys.getKey().longValue();

        insertAutoDeductions(by, p.id(), versionId, chargeable);
        Map<Key, Double> deductions = deductionTotals(p.id(), versionId);
        Map<Key, Map<Source, Double>> sourceScores = sourceScores(p.id());

        Map<String, String> names = names();
        List<SqlParameterSource> results = new ArrayList<>();
        List<SqlParameterSource> values = new ArrayList<>();
        int subjects = 0;
        for (SubjectType type : SubjectType.values()) {
            Set<String> codes = new LinkedHashSet<>(tab.subjects(type).keySet());
            deductions.keySet().stream().filter(k -> k.type() == type).forEach(k -> codes.add(k.code()));
            sourceScores.keySet().stream().filter(k -> k.type() == type).forEach(k -> codes.add(k.code()));
            Map<String, Double> totals = new HashMap<>();
            List<MapSqlParameterSource> rows = new ArrayList<>();
            for (String code : codes) {
                Counters c = tab.of(type, code);
                Map<String, Double> v = Indicators.values(type, cfg.options(), c);
                // no case facts for the subject in the period: nothing to evaluate, the composite is undefined
                Composite.Result comp = c.asMap().isEmpty()
                        ? new Composite.Result(null, List.of())
                        : Composite.of(cfg.composite().getOrDefault(type, List.of()), v);
                Key key = new Key(type, code);
                double ded = deductions.getOrDefault(key, 0.0);
                Map<Source, Double> src = new EnumMap<>(Source.class);
                src.put(Source.SUPERVISION, SourceBlend.supervision(comp.value(), ded));
                Map<Source, Double> entered = sourceScores.getOrDefault(key, Map.of());
                src.put(Source.PUBLIC, mean(v.get("satisfaction"), entered.get(Source.PUBLIC)));
                src.put(Source.THIRD_PARTY, entered.get(Source.THIRD_PARTY));
                src.put(Source.DEPARTMENT, entered.get(Source.DEPARTMENT));
                src.put(Source.DISTRICT, entered.get(Source.DISTRICT));
                Double total = SourceBlend.total(scheme.weights(), src);
                totals.put(code, total);
                rows.add(new MapSqlParameterSource()
                        .addValue("vid", versionId)
                        .addValue("type", type.name())
                        .addValue("code", code)
                        .addValue("name", names.getOrDefault(type.name() + ":" + code, code))
                        .addValue("composite", bd(comp.value()))
                        .addValue("cgrade", cfg.grades().of(comp.value()))
                        .addValue("ded", bd(ded))
                        .addValue("sup", bd(src.get(Source.SUPERVISION)))
                        .addValue("pub", bd(src.get(Source.PUBLIC)))
                        .addValue("third", bd(src.get(Source.THIRD_PARTY)))
                        .addValue("dept", bd(src.get(Source.DEPARTMENT)))
                        .addValue("dist", bd(src.get(Source.DISTRICT)))
                        .addValue("total", bd(total))
                        .addValue("grade", cfg.grades().of(total)));
                v.forEach((ind, val) -> values.add(new MapSqlParameterSource()
                        .addValue("vid", versionId)
                        .addValue("type", type.name())
                        .addValue("code", code)
                        .addValue("ind", ind)
                        .addValue("val", val == null ? null : BigDecimal.valueOf(Math.round(val * 10000) / 10000.0))));
                c.asMap()
                        .forEach((counter, n) -> values.add(new MapSqlParameterSource()
                                .addValue("vid", versionId)
                                .addValue("type", type.name())
                                .addValue("code", code)
                                .addValue("ind", "#" + counter)
                                .addValue("val", BigDecimal.valueOf(n))));
            }
            Map<String, Integer> ranks = Ranking.rank(totals);
            for (MapSqlParameterSource r : rows) {
                r.addValue("rank", ranks.get((String) r.getValue("code")));
                results.add(r);
            }
            subjects += rows.size();
        }
        jdbc.batchUpdate("""
                INSERT INTO asm_result (version_id, subject_type, subject_code, subject_name, composite, composite_grade,
                  deduction, supervision, public_score, third_party, department_score, district_score, total, grade, rank_no)
                VALUES (:vid, :type, :code, :name, :composite, :cgrade, :ded, :sup, :pub, :third, :dept, :dist, :total,
                  :grade, :rank)""", results.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO asm_result_value (version_id, subject_type, subject_code, indicator, val)
                VALUES (:vid, :type, :code, :ind, :val)""", values.toArray(SqlParameterSource[]::new));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        jdbc.update(
                "UPDATE asm_result_version SET millis = :m WHERE id = :id",
                new MapSqlParameterSource("m", millis).addValue("id", versionId));
        return new Outcome(p.id(), version, versionId, asOf, subjects, millis);
    }

    /** Deductions made by the standard items with basis OVERDUE / REWORK, one row per case and share. */
    private void insertAutoDeductions(StaffMember actor, long periodId, long versionId, List<DeptTally> chargeable) {
        List<Deductions.Item> items = jdbc.query(
                "SELECT * FROM asm_standard_item WHERE active = TRUE AND basis IN "
                        + "('OVERDUE','REWORK') ORDER BY id",
                Deductions::mapItem);
        if (items.isEmpty() || chargeable.isEmpty()) {
            return;
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        String by = actor.username();
        var at = DbTime.toDb(clock.instant());
        for (DeptTally t : chargeable) {
            for (Deductions.Item item : items) {
                int qty = "OVERDUE".equals(item.basis()) ? (t.overdue() ? 1 : 0) : (int) t.reworks();
                if (qty == 0) {
                    continue;
                }
                double mult = item.multiplier(t.leaderAssigned(), t.mediaExposed());
                String group = "A" + versionId + "-" + item.id() + "-" + t.caseId() + "-" + t.department();
                for (Deductions.Share s : item.shares(t.department(), t.district())) {
                    rows.add(new MapSqlParameterSource()
                            .addValue("p", periodId)
                            .addValue("vid", versionId)
                            .addValue("item", item.id())
                            .addValue("type", s.type().name())
                            .addValue("code", s.code())
                            .addValue("case", t.caseId())
                            .addValue("num", t.caseNumber())
                            .addValue("qty", qty)
                            .addValue("mult", BigDecimal.valueOf(mult))
                            .addValue("pct", s.percent())
                            .addValue(
                                    "points",
                                    BigDecimal.valueOf(Deductions.points(item.points(), qty, mult, s.percent())))
                            .addValue("group", group)
                            .addValue("by", by)
                            .addValue("at", at));
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO asm_deduction (period_id, version_id, item_id, subject_type, subject_code, case_id, case_number,
                  quantity, multiplier, share_pct, points, origin, status, group_key, created_by, created_at)
                VALUES (:p, :vid, :item, :type, :code, :case, :num, :qty, :mult, :pct, :points, 'AUTO', 'ACTIVE', :group,
                  :by, :at)""", rows.toArray(SqlParameterSource[]::new));
    }

    private Map<Key, Double> deductionTotals(long periodId, long versionId) {
        Map<Key, Double> m = new HashMap<>();
        jdbc.query("""
                SELECT subject_type, subject_code, SUM(points) pts FROM asm_deduction
                WHERE period_id = :p AND status = 'ACTIVE' AND (origin = 'MANUAL' OR version_id = :vid)
                GROUP BY subject_type, subject_code""", new MapSqlParameterSource("p", periodId).addValue("vid", versionId), rs -> {
            m.put(new Key(SubjectType.valueOf(rs.getString(1)), rs.getString(2)), rs.getDouble(3));
        });
        return m;
    }

    private Map<Key, Map<Source, Double>> sourceScores(long periodId) {
        Map<Key, Map<Source, Double>> m = new HashMap<>();
        jdbc.query("""
                SELECT source, subject_type, subject_code, AVG(score) s FROM asm_source_score
                WHERE period_id = :p AND status IN ('FINAL', 'APPROVED')
                GROUP BY source, subject_type, subject_code""", new MapSqlParameterSource("p", periodId), rs -> {
            m.computeIfAbsent(
                            new Key(SubjectType.valueOf(rs.getString(2)), rs.getString(3)),
                            k -> new EnumMap<>(Source.class))
                    .put(Source.valueOf(rs.getString(1)), Composite.round2(rs.getDouble(4)));
        });
        return m;
    }

    private Map<String, String> names() {
        Map<String, String> m = new HashMap<>();
        for (OrgUnitKind kind : OrgUnitKind.values()) {
            for (OrgUnitView u : org.unitsOfKind(kind)) {
                m.put(kind.name() + ":" + u.code(), u.name());
            }
        }
        org.departments().forEach(d -> m.put("DEPARTMENT:" + d.code(), d.name()));
        return m;
    }

    private static Double mean(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : (a + b) / 2;
    }

    private static BigDecimal bd(Double v) {
        return v == null ? null : BigDecimal.valueOf(Composite.round2(v));
    }
}
