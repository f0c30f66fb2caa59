package org.cityops.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.assessment.internal.model.ScoringConfig;
import org.cityops.assessment.internal.model.Source;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** 考核方案: source weights (sum 100) and scoring config. Every change is a new version; periods pin one. */
@Service
public class Schemes {

    public record Scheme(
            long id,
            String code,
            int version,
            String name,
            Map<Source, Double> weights,
            ScoringConfig scoring,
            Instant createdAt,
            String createdBy) {}

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Schemes(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the scheme, or a new version of it when the code exists. */
    @Transactional
    public Scheme save(StaffMember who, String code, String name, Map<Source, Double> weights, ScoringConfig scoring) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidInputException("方案编码只能是字母数字 scheme code must be 1-64 letters/digits", "code");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("方案名称必填 name required", "name");
        }
        Map<Source, Double> w = validWeights(weights);
        ScoringConfig cfg = scoring == null ? ScoringConfig.defaults() : scoring;
        cfg.validate();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM asm_scheme WHERE code = :c")
                        .param("c", code)
                        .query(Integer.class)
                        .single()
                + 1;
        String user = who.username();
        jdbc.sql("""
                INSERT INTO asm_scheme (code, version, name, w_public, w_third_party, w_supervision, w_department,
                  w_district, scoring_json, created_at, created_by)
                VALUES (:code, :version, :name, :p, :t, :s, :d, :r, :json, :at, :by)""")
                .param("code", code)
                .param("version", version)
                .param("name", name.trim())
                .param("p", w.get(Source.PUBLIC))
                .param("t", w.get(Source.THIRD_PARTY))
                .param("s", w.get(Source.SUPERVISION))
                .param("d", w.get(Source.DEPARTMENT))
                .param("r", w.get(Source.DISTRICT))
                .param("json", JSON.writeValueAsString(cfg))
                .param("at", DbTime.toDb(clock.instant()))
                .param("by", user)
                .update();
        Scheme s = latest(code).orElseThrow();
        audit.record(
                "ASSESSMENT_SCHEME",
                code + "@" + version,
                version == 1 ? "CREATE" : "NEW_VERSION",
                null,
                "weights=" + w);
        return s;
    }

    static Map<Source, Double> validWeights(Map<Source, Double> weights) {
        if (weights == null) {
            throw new InvalidInputException("权重必填 weights required", "weights");
        }
        Map<Source, Double> w = new EnumMap<>(Source.class);
        double sum = 0;
        for (Source s : Source.values()) {
            Double v = weights.getOrDefault(s, 0.0);
            if (v == null || v < 0 || v > 100) {
                throw new InvalidInputException("权重必须在 0..100 之间 weight of " + s + " must be 0..100", "weights");
            }
            w.put(s, v);
            sum += v;
        }
        if (Math.abs(sum - 100) > 1e-6) {
            throw new InvalidInputException("各来源权重合计必须为 100，当前为 " + sum + " weights must sum to 100", "weights");
        }
        return w;
    }

    public Optional<Scheme> latest(String code) {
        return jdbc.sql("SELECT * FROM asm_scheme WHERE code = :c ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", code)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public Scheme byId(long id) {
        return jdbc.sql("SELECT * FROM asm_scheme WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("考核方案不存在 scheme not found"));
    }

    public List<Scheme> all() {
        return jdbc.sql("SELECT * FROM asm_scheme ORDER BY code, version DESC")
                .query((rs, n) -> map(rs))
                .list();
    }

    private static Scheme map(ResultSet rs) throws SQLException {
        Map<Source, Double> w = new EnumMap<>(Source.class);
        w.put(Source.PUBLIC, d(rs.getBigDecimal("w_public")));
        w.put(Source.THIRD_PARTY, d(rs.getBigDecimal("w_third_party")));
        w.put(Source.SUPERVISION, d(rs.getBigDecimal("w_supervision")));
        w.put(Source.DEPARTMENT, d(rs.getBigDecimal("w_department")));
        w.put(Source.DISTRICT, d(rs.getBigDecimal("w_district")));
        return new Scheme(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getInt("version"),
                rs.getString("name"),
                w,
                JSON.readValue(rs.getString("scoring_json"), ScoringConfig.class),
                FactQueries.time(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static double d(BigDecimal b) {
        return b == null ? 0 : b.doubleValue();
    }
}
