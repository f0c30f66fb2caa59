package org.cityops.sanitation.fleet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.coverage.PlanRule;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sanitation vehicles (registered like muck trucks: only a registered terminal may connect) and work plans. Every
 * change is audited and makes the coverage engine reload.
 *
 * <p>Over 400 lines: vehicles and work plans together, since a plan is checked against the vehicles
 * and segments in the caller's area; plans apart from vehicles is the next split (to do).
 */
@Service
public class Fleet {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Segments segments;

    Fleet(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock, Segments segments) {
        this.segments = segments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<SanitationVehicle> vehicles(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = ScopeRule.filter(me, RecordKind.AREA).sql(ScopeColumns.area("district_code"), params);
        return jdbc.sql("SELECT * FROM san_vehicle WHERE " + where + " ORDER BY plate")
                .params(params)
                .query(Fleet::vehicle)
                .list();
    }

    /** Vehicles in service (the engine, the terminal directory). */
    public List<SanitationVehicle> inService() {
        return jdbc.sql("SELECT * FROM san_vehicle WHERE status = 'ACTIVE'")
                .query(Fleet::vehicle)
                .list();
    }

    @Transactional
    public SanitationVehicle register(
            String plate,
            int plateColor,
            String terminal,
            VehicleType type,
            int workBit,
            String company,
            String districtCode,
            StaffMember me) {
        String t = checkVehicle(plate, terminal, type, workBit, districtCode, me, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_vehicle (plate, plate_color, terminal_phone, type, work_bit, company, district_code,
                  created_at) VALUES (:plate, :color, :t, :type, :bit, :company, :district, :now)""")
                .param("plate", plate.trim())
                .param("color", plateColor)
                .param("t", t)
                .param("type", type.name())
                .param("bit", workBit)
                .param("company", company)
                .param("district", districtCode)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("SAN_VEHICLE", String.valueOf(id), "REGISTER", null, plate + " " + type + " terminal " + t);
        events.publishEvent(new LedgerChanged("vehicle"));
        return jdbc.sql("SELECT * FROM san_vehicle WHERE id = :id")
                .param("id", id)
                .query(Fleet::vehicle)
                .single();
    }

    /** One vehicle of the caller's area (404 otherwise). */
    public SanitationVehicle vehicle(long id, StaffMember me) {
        return vehicles(me).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("车辆不存在 vehicle not found"));
    }

    /**
     * Changes a vehicle whole (the same checks as {@link #register}; status ACTIVE 在用 or INACTIVE 停用: a vehicle
     * out of service no longer connects). The vehicle must be in the caller's area before and after. Audited with
     * before and after.
     */
    @Transactional
    public SanitationVehicle updateVehicle(
            long id,
            String plate,
            int plateColor,
            String terminal,
            VehicleType type,
            int workBit,
            String company,
            String districtCode,
            String status,
            StaffMember me) {
        SanitationVehicle before = vehicle(id, me);
        String t = checkVehicle(plate, terminal, type, workBit, districtCode, me, id);
        if (!"ACTIVE".equals(status) && !"INACTIVE".equals(status)) {
            throw new InvalidInputException("状态须为在用或停用 status must be ACTIVE or INACTIVE", "status");
        }
        jdbc.sql("""
                UPDATE san_vehicle SET plate = :plate, plate_color = :color, terminal_phone = :t, type = :type,
                  work_bit = :bit, company = :company, district_code = :district, status = :status WHERE id = :id""")
                .param("plate", plate.trim())
                .param("color", plateColor)
                .param("t", t)
                .param("type", type.name())
                .param("bit", workBit)
                .param("company", company == null || company.isBlank() ? null : company.trim())
                .param("district", districtCode.trim())
                .param("status", status)
                .param("id", id)
                .update();
        SanitationVehicle after = vehicle(id, me);
        audit.record("SAN_VEHICLE", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("vehicle"));
        return after;
    }

    private static String describe(SanitationVehicle v) {
        return v.plate() + " " + v.type() + " terminal " + v.terminal() + " bit " + v.workBit() + " "
                + (v.company() == null ? "" : v.company()) + " " + v.districtCode() + " " + v.status();
    }

    /** The checks of a vehicle as asked for; the terminal number without leading zeros. */
    private String checkVehicle(
            String plate,
            String terminal,
            VehicleType type,
            int workBit,
            String districtCode,
            StaffMember me,
            Long exceptId) {
        if (plate == null || plate.isBlank()) {
            throw new InvalidInputException("车牌号必填 plate required", "plate");
        }
        if (type == null) {
            throw new InvalidInputException("车辆类型必填 vehicle type required", "type");
        }
        String t = terminal == null ? "" : terminal.trim().replaceFirst("^0+", "");
        if (!t.matches("\\d{1,20}")) {
            throw new InvalidInputException("终端号须为数字 terminal must be digits", "terminal");
        }
        if (workBit < 0 || workBit > 31) {
            throw new InvalidInputException("作业状态位须在0至31之间 work bit must be 0..31", "workBit");
        }
        if (districtCode == null || districtCode.isBlank()) {
            throw new InvalidInputException("所属区必填 district required", "districtCode");
        }
        if (!ScopeRule.filter(me, RecordKind.AREA).matches(districtCode.trim(), null, null)) {
            throw new InvalidInputException("所属区不在您的管辖范围内 district outside your area", "districtCode");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_vehicle WHERE terminal_phone = :t AND id <> :id")
                                .param("t", t)
                                .param("id", exceptId == null ? Long.valueOf(-1L) : exceptId)
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("SELECT COUNT(*) FROM san_worker WHERE terminal_phone = :t")
                                .param("t", t)
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new InvalidInputException("终端已登记 terminal already registered", "terminal");
        }
        return t;
    }

    public List<WorkPlan> plans() {
        List<WorkPlan> out = new ArrayList<>();
        for (Map<String, Object> r :
                jdbc.sql("SELECT * FROM san_plan ORDER BY id").query().listOfRows()) {
            long id = ((Number) r.get("id")).longValue();
            List<Long> segs = jdbc.sql("SELECT segment_id FROM san_plan_segment WHERE plan_id = :p ORDER BY segment_id")
                    .param("p", id)
                    .query(Long.class)
                    .list();
            out.add(new WorkPlan(
                    id,
                    (String) r.get("name"),
                    ((Number) r.get("passes_per_day")).intValue(),
                    (String) r.get("windows"),
                    ((Number) r.get("min_speed_kmh")).doubleValue(),
                    ((Number) r.get("max_speed_kmh")).doubleValue(),
                    (Boolean) r.get("active"),
                    segs));
        }
        return out;
    }

    public WorkPlan plan(long id) {
        return plans().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("作业计划不存在 plan not found"));
    }

    /** Creates a plan; windows "05:00-08:00;14:00-16:00" (each non-empty, local time). */
    @Transactional
    public WorkPlan createPlan(
            String name,
            int passesPerDay,
            String windows,
            double minSpeed,
            double maxSpeed,
            List<Long> segmentIds,
            StaffMember me) {
        List<PlanRule.Window> parsed = checkPlan(name, passesPerDay, windows, minSpeed, maxSpeed, segmentIds, me);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_plan (name, passes_per_day, windows, min_speed_kmh, max_speed_kmh, created_at)
                VALUES (:name, :passes, :windows, :min, :max, :now)""")
                .param("name", name.trim())
                .param("passes", passesPerDay)
                .param(
                        "windows",
                        String.join(
                                ";",
                                parsed.stream().map(PlanRule.Window::toString).toList()))
                .param("min", BigDecimal.valueOf(minSpeed))
                .param("max", BigDecimal.valueOf(maxSpeed))
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Long s : segmentIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO san_plan_segment (plan_id, segment_id) VALUES (:p, :s)")
                    .param("p", id)
                    .param("s", s)
                    .update();
        }
        audit.record("SAN_PLAN", String.valueOf(id), "CREATE", null, name + " " + segmentIds.size() + " segments");
        events.publishEvent(new LedgerChanged("plan"));
        return plan(id);
    }

    /**
     * Changes a plan whole (the same checks as {@link #createPlan}; every segment in the caller's area, and the
     * caller must see every segment the plan had). Audited with before and after; the engine reloads.
     */
    @Transactional
    public WorkPlan updatePlan(
            long id,
            String name,
            int passesPerDay,
            String windows,
            double minSpeed,
            double maxSpeed,
            boolean active,
            List<Long> segmentIds,
            StaffMember me) {
        WorkPlan before = plan(id, me);
        List<PlanRule.Window> parsed = checkPlan(name, passesPerDay, windows, minSpeed, maxSpeed, segmentIds, me);
        jdbc.sql("""
                UPDATE san_plan SET name = :name, passes_per_day = :passes, windows = :windows, min_speed_kmh = :min,
                  max_speed_kmh = :max, active = :active WHERE id = :id""")
                .param("name", name.trim())
                .param("passes", passesPerDay)
                .param(
                        "windows",
                        String.join(
                                ";",
                                parsed.stream().map(PlanRule.Window::toString).toList()))
                .param("min", BigDecimal.valueOf(minSpeed))
                .param("max", BigDecimal.valueOf(maxSpeed))
                .param("active", active)
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM san_plan_segment WHERE plan_id = :p")
                .param("p", id)
                .update();
        for (Long s : segmentIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO san_plan_segment (plan_id, segment_id) VALUES (:p, :s)")
                    .param("p", id)
                    .param("s", s)
                    .update();
        }
        WorkPlan after = plan(id);
        audit.record("SAN_PLAN", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("plan"));
        return after;
    }

    /** A plan the caller may change: every one of its segments is in the caller's area (404 otherwise). */
    public WorkPlan plan(long id, StaffMember me) {
        WorkPlan p = plan(id);
        for (Long s : p.segmentIds()) {
            segments.get(s, me); // 404 for a segment outside the caller's area
        }
        return p;
    }

    private static String describe(WorkPlan p) {
        return p.name() + " passes " + p.passesPerDay() + " " + p.windows() + " " + p.minSpeedKmh() + "-"
                + p.maxSpeedKmh() + " km/h " + (p.active() ? "active" : "inactive") + " segments " + p.segmentIds();
    }

    private List<PlanRule.Window> checkPlan(
            String name,
            int passesPerDay,
            String windows,
            double minSpeed,
            double maxSpeed,
            List<Long> segmentIds,
            StaffMember me) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("计划名称必填 name required", "name");
        }
        if (passesPerDay < 1 || passesPerDay > 24) {
            throw new InvalidInputException("每日遍数须在1至24之间 passes per day must be 1..24", "passesPerDay");
        }
        List<PlanRule.Window> parsed = parseWindows(windows);
        if (minSpeed < 0 || maxSpeed <= minSpeed || maxSpeed > 60) {
            throw new InvalidInputException("作业速度区间不合法 speed window must be 0 <= min < max <= 60 km/h", "maxSpeedKmh");
        }
        if (segmentIds == null || segmentIds.isEmpty()) {
            throw new InvalidInputException("计划至少包含一个路段 a plan needs at least one segment", "segmentIds");
        }
        List<Long> distinct = segmentIds.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            try {
                segments.get(distinct.get(i), me);
            } catch (NotFoundException e) {
                throw new InvalidInputException(
                        "计划含有不存在或不在您管辖范围内的路段 unknown segment in the plan", "segmentIds[" + i + "]");
            }
        }
        return parsed;
    }

    /** The engine's view: segment id → the active plans' rules for it. */
    public Map<Long, List<PlanRule>> rulesBySegment() {
        Map<Long, List<PlanRule>> out = new HashMap<>();
        for (WorkPlan p : plans()) {
            if (!p.active()) {
                continue;
            }
            PlanRule rule =
                    new PlanRule(p.id(), parseWindows(p.windows()), p.minSpeedKmh(), p.maxSpeedKmh(), p.passesPerDay());
            for (Long s : p.segmentIds()) {
                out.computeIfAbsent(s, k -> new ArrayList<>()).add(rule);
            }
        }
        return out;
    }

    /** "05:00-08:00;14:00-16:00" → windows; an empty or reversed window is a 400 on {@code windows}. */
    public static List<PlanRule.Window> parseWindows(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("作业时段必填 time windows required", "windows");
        }
        List<PlanRule.Window> out = new ArrayList<>();
        for (String part : text.split("[;,；，]")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(PlanRule.Window.parse(part));
            } catch (RuntimeException e) {
                throw new InvalidInputException(
                        "作业时段不合法（须为 HH:mm-HH:mm，结束晚于开始）invalid time window '" + part.trim() + "'", "windows");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("作业时段必填 time windows required", "windows");
        }
        return out;
    }

    static SanitationVehicle vehicle(ResultSet rs, int n) throws SQLException {
        VehicleType type = VehicleType.valueOf(rs.getString("type"));
        return new SanitationVehicle(
                rs.getLong("id"),
                rs.getString("plate"),
                rs.getInt("plate_color"),
                rs.getString("terminal_phone"),
                type,
                type.label(),
                rs.getInt("work_bit"),
                rs.getString("company"),
                rs.getString("district_code"),
                rs.getString("status"));
    }
}
