package org.cityops.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.assessment.internal.model.Counters;
import org.cityops.assessment.internal.model.Indicator;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.PostRow;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads stored results, and drills down from a stored number to the facts behind it. */
@Service
public class Results {

    public record Version(
            long id,
            long periodId,
            int version,
            String reason,
            long asOfStepId,
            Instant computedAt,
            String computedBy,
            long millis,
            boolean locked,
            boolean published) {}

    public record SubjectResult(
            String subjectType,
            String subjectCode,
            String subjectName,
            Map<String, Double> indicators,
            Double composite,
            String compositeGrade,
            double deduction,
            Double supervision,
            Double publicScore,
            Double thirdParty,
            Double departmentScore,
            Double districtScore,
            Double total,
            String grade,
            Integer rank) {}

    /** One case (areas, departments) or one step (posts) behind an indicator, with what it adds. */
    public record DrillRow(
            long caseId,
            String caseNumber,
            Long stepId,
            String action,
            Instant occurredAt,
            long numerator,
            long denominator) {}

    public record Drill(
            String subjectType,
            String subjectCode,
            String indicator,
            String label,
            String kind,
            Double storedValue,
            long numerator,
            long denominator,
            List<DrillRow> rows) {}

    private final JdbcClient jdbc;
    private final FactQueries facts;
    private final Periods periods;
    private final Schemes schemes;

    Results(JdbcClient jdbc, FactQueries facts, Periods periods, Schemes schemes) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.periods = periods;
        this.schemes = schemes;
    }

    public List<Version> versions(long periodId) {
        return jdbc.sql("SELECT * FROM asm_result_version WHERE period_id = :p ORDER BY version")
                .param("p", periodId)
                .query((rs, n) -> mapVersion(rs))
                .list();
    }

    public Version version(long periodId, Integer version) {
        Periods.Period p = periods.get(periodId);
        int v = version == null ? p.currentVersion() : version;
        if (v == 0) {
            throw new NotFoundException("该周期尚未计算 period not computed yet");
        }
        return jdbc.sql("SELECT * FROM asm_result_version WHERE period_id = :p AND version = :v")
                .param("p", periodId)
                .param("v", v)
                .query((rs, n) -> mapVersion(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("版本不存在 version not found"));
    }

    public List<SubjectResult> results(long versionId, SubjectType type) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT subject_code, indicator, val FROM asm_result_value
                WHERE version_id = :v AND subject_type = :t AND indicator NOT LIKE '#%'""").param("v", versionId).param("t", type.name()).query(rs -> {
            values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .put(rs.getString(2), dbl(rs.getBigDecimal(3)));
        });
        List<SubjectResult> out = jdbc.sql("""
                SELECT * FROM asm_result WHERE version_id = :v AND subject_type = :t
                ORDER BY CASE WHEN rank_no IS NULL THEN 1 ELSE 0 END, rank_no, subject_code""")
                .param("v", versionId)
                .param("t", type.name())
                .query((rs, n) -> map(rs, values))
                .list();
        return out;
    }

    public Optional<SubjectResult> result(long versionId, SubjectType type, String code) {
        return results(versionId, type).stream()
                .filter(r -> r.subjectCode().equals(code))
                .findFirst();
    }

    /** Counter values stored for a subject (the raw counts behind its indicators). */
    public Map<String, Long> counters(long versionId, SubjectType type, String code) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT indicator, val FROM asm_result_value
                WHERE version_id = :v AND subject_type = :t AND subject_code = :c AND indicator LIKE '#%'
                ORDER BY indicator""")
                .param("v", versionId)
                .param("t", type.name())
                .param("c", code)
                .query(rs -> {
                    m.put(rs.getString(1).substring(1), rs.getBigDecimal(2).longValue());
                });
        return m;
    }

    /**
     * The cases (areas, departments) or steps (posts) that make an indicator, read from the same facts with the
     * same counting rules as the computation, limited to the facts the version counted (id ≤ asOf).
     */
    public Drill drill(long periodId, Integer versionNo, SubjectType type, String code, String indicatorCode) {
        Version v = version(periodId, versionNo);
        Periods.Period p = periods.get(periodId);
        var options = schemes.byId(p.schemeId()).scoring().options();
        Indicator ind = Indicators.find(type, options, indicatorCode)
                .orElseThrow(() -> new InvalidInputException("未知指标 unknown indicator " + indicatorCode, "indicator"));
        FactQueries.Window w = p.window(v.asOfStepId());
        List<DrillRow> rows = new ArrayList<>();
        Counters total = new Counters();
        switch (type.group()) {
            case AREA ->
                facts.areaTallies(
                        w,
                        type,
                        code,
                        t -> add(rows, total, ind, t.caseId(), t.caseNumber(), null, null, null, t.count()));
            case DEPARTMENT ->
                facts.deptTallies(
                        w, code, t -> add(rows, total, ind, t.caseId(), t.caseNumber(), null, null, null, t.count()));
            case POST -> {
                for (FactQueries.StepView s : facts.stepsOfUser(w, code)) {
                    Counters c = new Counters();
                    for (PostRow.Kind k : PostRow.Kind.values()) {
                        String u = k == PostRow.Kind.ACTOR
                                ? s.actor()
                                : k == PostRow.Kind.ASSIGNEE ? s.assignee() : s.reporter();
                        if (!code.equals(u)) {
                            continue;
                        }
                        new PostRow(
                                        k,
                                        u,
                                        s.actorRole(),
                                        s.action(),
                                        "INSPECTOR".equals(s.channel()),
                                        Boolean.TRUE.equals(s.onTime()),
                                        1)
                                .count().stream().filter(h -> h.type() == type).forEach(h -> c.add(h.counter(), h.n()));
                    }
                    add(rows, total, ind, s.caseId(), s.caseNumber(), s.id(), s.action(), s.occurredAt(), c);
                }
            }
        }
        Double stored = result(v.id(), type, code)
                .map(r -> r.indicators().get(indicatorCode))
                .orElse(null);
        return new Drill(
                type.name(),
                code,
                indicatorCode,
                ind.label(),
                ind.kind().name(),
                stored,
                ind.numeratorOf(total),
                ind.kind() == Indicator.Kind.COUNT ? 1 : ind.denominatorOf(total),
                rows);
    }

    private static void add(
            List<DrillRow> rows,
            Counters total,
            Indicator ind,
            long caseId,
            String number,
            Long stepId,
            String action,
            Instant at,
            Counters c) {
        if (c.asMap().isEmpty() || !reads(ind, c)) {
            return;
        }
        c.asMap().forEach(total::add);
        long num = ind.numeratorOf(c);
        long den = ind.kind() == Indicator.Kind.COUNT ? 0 : ind.denominatorOf(c);
        rows.add(new DrillRow(caseId, number, stepId, action, at, num, den));
    }

    /** Whether the indicator reads any counter this case/step has (probed against a large baseline). */
    static boolean reads(Indicator ind, Counters c) {
        for (String counter : c.asMap().keySet()) {
            Counters base = new Counters();
            Counters bumped = new Counters();
            for (String name : allCounterNames()) {
                if (!name.equals(counter)) {
                    base.add(name, 1000);
                    bumped.add(name, 1000);
                }
            }
            bumped.add(counter, 1);
            if (ind.numeratorOf(base) != ind.numeratorOf(bumped)
                    || (ind.kind() != Indicator.Kind.COUNT && ind.denominatorOf(base) != ind.denominatorOf(bumped))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> allCounterNames() {
        List<String> names = new ArrayList<>();
        for (var f : org.cityops.assessment.internal.model.C.class.getFields()) {
            try {
                names.add((String) f.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    public List<FactQueries.StepView> caseSteps(long caseId) {
        return facts.stepsOfCase(caseId);
    }

    /** Published district rankings, newest period first (for the public page: no personal data). */
    public record Published(Periods.Period period, Version version, List<SubjectResult> districts) {}

    public List<Published> published(int limit) {
        List<Published> out = new ArrayList<>();
        for (Periods.Period p : periods.list()) {
            if (p.publishedVersion() == null) {
                continue;
            }
            Version v = version(p.id(), p.publishedVersion());
            out.add(new Published(p, v, results(v.id(), SubjectType.DISTRICT)));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** One period's published version with its district results; empty when it is not published. */
    public Optional<Published> publishedPeriod(long periodId) {
        Periods.Period p = periods.get(periodId);
        if (p.publishedVersion() == null) {
            return Optional.empty();
        }
        Version v = version(p.id(), p.publishedVersion());
        return Optional.of(new Published(p, v, results(v.id(), SubjectType.DISTRICT)));
    }

    /** Total score per published/locked version of earlier periods of one subject (trend). */
    public record TrendPoint(
            long periodId, String label, int version, Double total, Double composite, String grade, Integer rank) {}

    public List<TrendPoint> trend(String schemeCode, SubjectType type, String code) {
        return trendUpTo(schemeCode, type, code, null, Integer.MAX_VALUE);
    }

    /**
     * The last {@code limit} periods of the scheme that start on or before {@code upTo} (null: all), oldest
     * first, each at its current version; periods where the subject has no result are left out.
     */
    public List<TrendPoint> trend(
            String schemeCode, SubjectType type, String code, java.time.LocalDate upTo, int limit) {
        if (limit < 1 || limit > 120) {
            throw new InvalidInputException("期数必须在 1..120 之间 periods must be 1..120", "periods");
        }
        return trendUpTo(schemeCode, type, code, upTo, limit);
    }

    private List<TrendPoint> trendUpTo(
            String schemeCode, SubjectType type, String code, java.time.LocalDate upTo, int limit) {
        List<TrendPoint> all = jdbc.sql("""
                SELECT p.id, p.from_date, p.to_date, v.version, r.total, r.composite, r.grade, r.rank_no
                FROM asm_period p JOIN asm_result_version v ON v.period_id = p.id AND v.version = p.current_version
                JOIN asm_result r ON r.version_id = v.id AND r.subject_type = :t AND r.subject_code = :c
                WHERE p.scheme_code = :s AND p.from_date <= :upTo
                ORDER BY p.from_date""")
                .param("t", type.name())
                .param("c", code)
                .param("s", schemeCode)
                .param("upTo", upTo == null ? java.time.LocalDate.of(9999, 12, 31) : upTo)
                .query((rs, n) -> new TrendPoint(
                        rs.getLong(1),
                        rs.getString(2) + "~" + rs.getString(3),
                        rs.getInt(4),
                        dbl(rs.getBigDecimal(5)),
                        dbl(rs.getBigDecimal(6)),
                        rs.getString(7),
                        (Integer) rs.getObject(8, Integer.class)))
                .list();
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    private static SubjectResult map(ResultSet rs, Map<String, Map<String, Double>> values) throws SQLException {
        String code = rs.getString("subject_code");
        return new SubjectResult(
                rs.getString("subject_type"),
                code,
                rs.getString("subject_name"),
                values.getOrDefault(code, Map.of()),
                dbl(rs.getBigDecimal("composite")),
                rs.getString("composite_grade"),
                dbl(rs.getBigDecimal("deduction")),
                dbl(rs.getBigDecimal("supervision")),
                dbl(rs.getBigDecimal("public_score")),
                dbl(rs.getBigDecimal("third_party")),
                dbl(rs.getBigDecimal("department_score")),
                dbl(rs.getBigDecimal("district_score")),
                dbl(rs.getBigDecimal("total")),
                rs.getString("grade"),
                (Integer) rs.getObject("rank_no", Integer.class));
    }

    private static Version mapVersion(ResultSet rs) throws SQLException {
        return new Version(
                rs.getLong("id"),
                rs.getLong("period_id"),
                rs.getInt("version"),
                rs.getString("reason"),
                rs.getLong("as_of_step_id"),
                FactQueries.time(rs, "computed_at"),
                rs.getString("computed_by"),
                rs.getLong("millis"),
                rs.getBoolean("locked"),
                rs.getBoolean("published"));
    }

    static Double dbl(BigDecimal b) {
        return b == null ? null : b.doubleValue();
    }
}
