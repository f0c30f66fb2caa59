package org.cityops.streetfront.parking;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ApiClients;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 共享单车运营企业: the register with fleet caps, their machine keys (purpose {@code PARKING_COUNTS}, client name
 * {@code parking-operator:<code>}), and per-operator statistics with the 红黑榜 over the last 30 days.
 */
@Service
public class ParkingOperators {

    /** The client-name prefix of an operator's machine key. */
    public static final String CLIENT_PREFIX = "parking-operator:";

    /** The statistics' period. */
    public static final Duration PERIOD = Duration.ofDays(30);

    private static final String KEY_CHARS = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApiClients clients;
    private final AuditTrail audit;
    private final Clock clock;

    ParkingOperators(JdbcClient jdbc, ApiClients clients, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers an operator; 400 naming the field for a bad code, credit code or cap. */
    @Transactional
    public ParkingOperator create(
            String code, String name, String creditCode, Integer fleetCap, StaffMember me, boolean synthetic) {
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{2,32}")) {
            throw new InvalidInputException("企业代码须为2至32位字母数字 code must be 2–32 letters or digits", "code");
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw new InvalidInputException("企业名称必填 name required", "name");
        }
        if (!CreditCode.valid(CreditCode.normalize(creditCode))) {
            throw new InvalidInputException("统一社会信用代码无效 invalid credit code", "creditCode");
        }
        if (fleetCap == null || fleetCap < 1 || fleetCap > 1_000_000) {
            throw new InvalidInputException("投放上限须在1至1000000辆之间 fleet cap must be 1–1000000", "fleetCap");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM sf_park_operator WHERE code = :c")
                        .param("c", code.trim())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("企业代码已存在 code already exists", "code");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sf_park_operator (code, name, credit_code, fleet_cap, synthetic, created_at) "
                        + "VALUES (:code, :name, :credit, :cap, :synthetic, :now)")
                .param("code", code.trim())
                .param("name", name.trim())
                .param("credit", CreditCode.normalize(creditCode))
                .param("cap", fleetCap)
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_PARK_OPERATOR",
                String.valueOf(id),
                "CREATE",
                null,
                code.trim() + " " + name.trim() + " cap " + fleetCap);
        return get(id);
    }

    /** Issues a new machine key for the operator, shown once (only its SHA-256 is kept). */
    @Transactional
    public String issueKey(long id, StaffMember me) {
        StringBuilder b = new StringBuilder("pk-");
        for (int i = 0; i < 32; i++) {
            b.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
        }
        registerKey(id, b.toString());
        return b.toString();
    }

    /** Registers a given key for the operator (the demo's published key). */
    @Transactional
    public void registerKey(long id, String key) {
        ParkingOperator o = get(id);
        clients.register(CLIENT_PREFIX + o.code(), key, ApiClients.Purpose.PARKING_COUNTS);
        audit.record("SF_PARK_OPERATOR", String.valueOf(id), "ISSUE_KEY", null, o.code());
    }

    /** What a revocation did: the number of the operator's keys disabled. */
    public record Revoked(String operator, int keys) {}

    /**
     * Disables every key of the operator (client {@code parking-operator:<code>}, purpose {@code PARKING_COUNTS}):
     * a request with any of them is refused with 401 from then on (keys are checked on every request, not cached).
     * Audited {@code SF_PARK_OPERATOR REVOKE_KEYS} with the number revoked (also when none was active).
     */
    @Transactional
    public Revoked revokeKeys(long id, StaffMember me) {
        ParkingOperator o = get(id);
        int n = clients.revoke(CLIENT_PREFIX + o.code(), ApiClients.Purpose.PARKING_COUNTS);
        audit.record("SF_PARK_OPERATOR", String.valueOf(id), "REVOKE_KEYS", null, o.code() + " keys revoked " + n);
        return new Revoked(o.code(), n);
    }

    /** Rotation: every old key revoked and one new key issued, in one transaction; the new key, shown once. */
    @Transactional
    public String rotateKey(long id, StaffMember me) {
        revokeKeys(id, me);
        return issueKey(id, me);
    }

    /** How many keys of the operator are active (the operators' page shows it; never the keys). */
    public int activeKeys(long id) {
        return clients.active(CLIENT_PREFIX + get(id).code(), ApiClients.Purpose.PARKING_COUNTS);
    }

    public ParkingOperator get(long id) {
        return jdbc.sql("SELECT * FROM sf_park_operator WHERE id = :id")
                .param("id", id)
                .query(ParkingOperators::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("运营企业不存在 operator not found"));
    }

    /** The operator behind an authenticated machine client name ({@code api-client:parking-operator:<code>}). */
    public Optional<ParkingOperator> byClient(String principal) {
        String p = principal == null ? "" : principal.replaceFirst("^api-client:", "");
        if (!p.startsWith(CLIENT_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM sf_park_operator WHERE code = :c")
                .param("c", p.substring(CLIENT_PREFIX.length()))
                .query(ParkingOperators::map)
                .optional();
    }

    public List<ParkingOperator> list() {
        return jdbc.sql("SELECT * FROM sf_park_operator ORDER BY code")
                .query(ParkingOperators::map)
                .list();
    }

    /** One operator's statistics over {@link #PERIOD}, with its place on the 红黑榜. */
    public record OperatorStats(
            ParkingOperator operator,
            long reportedBikes,
            long counts,
            long warnings,
            long tows,
            long towsReleased,
            double towsPerThousand,
            int rank,
            String list) {}

    /**
     * Every operator's numbers over the last 30 days: bicycles in its newest count per area (within the period),
     * counts and warnings it sent, vehicles of its fleet towed and released, tows per 1,000 bicycles of fleet cap;
     * ranked by {@link ParkingRules#rank}. City-wide (operators work across districts).
     */
    public List<OperatorStats> stats() {
        Instant from = clock.instant().minus(PERIOD);
        Map<Long, long[]> n = new HashMap<>();
        jdbc.sql(
                        "SELECT operator_id, COUNT(*) c, SUM(CASE WHEN warning IS NULL THEN 0 ELSE 1 END) w FROM sf_park_count "
                                + "WHERE operator_id IS NOT NULL AND counted_at >= :from GROUP BY operator_id")
                .param("from", DbTime.toDb(from))
                .query(rs -> {
                    long[] v = n.computeIfAbsent(rs.getLong("operator_id"), k -> new long[5]);
                    v[0] = rs.getLong("c");
                    v[1] = rs.getLong("w");
                });
        jdbc.sql(
                        "SELECT operator_id, COUNT(*) t, SUM(CASE WHEN released_at IS NULL THEN 0 ELSE 1 END) r FROM sf_park_tow "
                                + "WHERE operator_id IS NOT NULL AND towed_at >= :from GROUP BY operator_id")
                .param("from", DbTime.toDb(from))
                .query(rs -> {
                    long[] v = n.computeIfAbsent(rs.getLong("operator_id"), k -> new long[5]);
                    v[2] = rs.getLong("t");
                    v[3] = rs.getLong("r");
                });
        // newest count per (operator, area) within the period, summed per operator
        jdbc.sql("SELECT c.operator_id, SUM(c.bikes) b FROM sf_park_count c WHERE c.operator_id IS NOT NULL AND "
                        + "c.counted_at >= :from AND c.counted_at = (SELECT MAX(d.counted_at) FROM sf_park_count d "
                        + "WHERE d.operator_id = c.operator_id AND d.area_id = c.area_id) GROUP BY c.operator_id")
                .param("from", DbTime.toDb(from))
                .query(rs -> {
                    n.computeIfAbsent(rs.getLong("operator_id"), k -> new long[5])[4] = rs.getLong("b");
                });
        List<ParkingOperator> ops = list();
        Map<Long, ParkingOperator> byId = new HashMap<>();
        List<ParkingRules.OperatorNumbers> numbers = new ArrayList<>();
        for (ParkingOperator o : ops) {
            byId.put(o.id(), o);
            long[] v = n.getOrDefault(o.id(), new long[5]);
            numbers.add(new ParkingRules.OperatorNumbers(o.id(), o.name(), o.fleetCap(), v[2], v[1]));
        }
        List<OperatorStats> out = new ArrayList<>();
        for (ParkingRules.Ranked r : ParkingRules.rank(numbers)) {
            long[] v = n.getOrDefault(r.numbers().operatorId(), new long[5]);
            out.add(new OperatorStats(
                    byId.get(r.numbers().operatorId()),
                    v[4],
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    Math.round(r.numbers().towsPerThousand() * 100) / 100.0,
                    r.rank(),
                    r.list()));
        }
        return out;
    }

    static ParkingOperator map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ParkingOperator(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getInt("fleet_cap"));
    }
}
