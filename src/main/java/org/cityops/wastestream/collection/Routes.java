package org.cityops.wastestream.collection;

import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收运线路: the stops of each collection vehicle per weekday with their time window ({@link RouteRules} judges a
 * pickup against them). Maintained by the API, one stop at a time; listed by the vehicle's district (data scope).
 * Every change is audited.
 */
@Service
public class Routes {

    /** A stop as listed: the vehicle's plate and the producer's name beside the ids. */
    public record StopView(
            long id,
            long vehicleId,
            String plate,
            int weekday,
            String weekdayLabel,
            long producerId,
            String creditCode,
            String producerName,
            LocalTime from,
            LocalTime to) {}

    static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Routes(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every stop of every vehicle, for the checks of a batch or an import. */
    public RouteRules rules() {
        return new RouteRules(jdbc.sql(
                        "SELECT vehicle_id, weekday, producer_id, window_from, window_to FROM wst_route_stop")
                .query((rs, n) -> new RouteRules.Stop(
                        rs.getLong(1),
                        DayOfWeek.of(rs.getInt(2)),
                        rs.getLong(3),
                        rs.getObject(4, LocalTime.class),
                        rs.getObject(5, LocalTime.class)))
                .list());
    }

    /** The stops of the vehicles in the caller's area, by plate, weekday and window. */
    public List<StopView> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = ScopeRule.filter(me, RecordKind.AREA).sql(ScopeColumns.area("v.district_code"), params);
        return jdbc.sql("""
                        SELECT s.id, s.vehicle_id, v.plate, s.weekday, s.producer_id, p.credit_code, p.name,
                               s.window_from, s.window_to
                        FROM wst_route_stop s JOIN wst_vehicle v ON v.id = s.vehicle_id
                          JOIN wst_producer p ON p.id = s.producer_id
                        WHERE\s""" + where + " ORDER BY v.plate, s.weekday, s.window_from, p.name")
                .params(params)
                .query((rs, n) -> new StopView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        WEEKDAYS[rs.getInt(4) - 1],
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalTime.class),
                        rs.getObject(9, LocalTime.class)))
                .list();
    }

    /** A stop checked against the fleet (in the caller's area) and the ledger, ready to store. */
    record Resolved(
            long vehicleId,
            String plate,
            int weekday,
            long producerId,
            String creditCode,
            LocalTime from,
            LocalTime to) {}

    /** Adds a stop (or moves the window of the same vehicle, weekday and producer); 400 naming the field. */
    @Transactional
    public StopView add(
            String plate, Integer weekday, String creditCode, LocalTime from, LocalTime to, StaffMember me) {
        long id = store(resolve(plate, weekday, creditCode, from, to, me), me);
        return list(me).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** The checks of a stop, nothing written: 400 ({@link InvalidInputException}) naming the field. */
    Resolved resolve(String plate, Integer weekday, String creditCode, LocalTime from, LocalTime to, StaffMember me) {
        String p = WasteVehicle.normalizePlate(plate);
        if (p == null || p.isEmpty()) {
            throw new InvalidInputException("车牌号必填 plate required", "plate");
        }
        Map<String, Object> params = new HashMap<>();
        String where = ScopeRule.filter(me, RecordKind.AREA).sql(ScopeColumns.area("district_code"), params);
        Long vehicle = jdbc.sql("SELECT id FROM wst_vehicle WHERE plate = :p AND " + where)
                .params(params)
                .param("p", p)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException("车辆未登记 vehicle not registered: " + plate, "plate"));
        if (weekday == null || weekday < 1 || weekday > 7) {
            throw new InvalidInputException("星期须为1（周一）至7（周日）weekday must be 1 (Monday) to 7 (Sunday)", "weekday");
        }
        String code = creditCode == null ? "" : creditCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidInputException("统一社会信用代码必填 credit code required", "creditCode");
        }
        Long producer = jdbc.sql("SELECT id FROM wst_producer WHERE credit_code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException("产生单位未登记 unknown producer " + code, "creditCode"));
        if (from == null) {
            throw new InvalidInputException("开始时间必填 window start required", "from");
        }
        if (to == null || !from.isBefore(to)) {
            throw new InvalidInputException("结束时间须晚于开始时间 window end must be after its start", "to");
        }
        return new Resolved(vehicle, p, weekday, producer, code, from, to);
    }

    /** Stores a resolved stop (a new one, or the new window of the same vehicle, weekday and producer); audited. */
    long store(Resolved r, StaffMember me) {
        int moved = jdbc.sql("""
                        UPDATE wst_route_stop SET window_from = :f, window_to = :t
                        WHERE vehicle_id = :v AND weekday = :w AND producer_id = :p""")
                .param("f", Time.valueOf(r.from()))
                .param("t", Time.valueOf(r.to()))
                .param("v", r.vehicleId())
                .param("w", r.weekday())
                .param("p", r.producerId())
                .update();
        long id;
        if (moved == 0) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO wst_route_stop (vehicle_id, weekday, producer_id, window_from, window_to,
                              created_at) VALUES (:v, :w, :p, :f, :t, :now)""")
                    .param("v", r.vehicleId())
                    .param("w", r.weekday())
                    .param("p", r.producerId())
                    .param("f", Time.valueOf(r.from()))
                    .param("t", Time.valueOf(r.to()))
                    .param("now", DbTime.toDb(clock.instant()))
                    .update(keys, "id");
            id = keys.getKeyAs(Number.class).longValue();
        } else {
            id = jdbc.sql("SELECT id FROM wst_route_stop WHERE vehicle_id = :v AND weekday = :w AND producer_id = :p")
                    .param("v", r.vehicleId())
                    .param("w", r.weekday())
                    .param("p", r.producerId())
                    .query(Long.class)
                    .single();
        }
        audit.record(
                "WST_ROUTE",
                String.valueOf(id),
                moved == 0 ? "ADD" : "UPDATE",
                null,
                r.plate() + " " + WEEKDAYS[r.weekday() - 1] + " " + r.creditCode() + " " + r.from() + "–" + r.to()
                        + " by " + me.username());
        return id;
    }

    /** Removes a stop of a vehicle in the caller's area; 404 otherwise. */
    @Transactional
    public void remove(long id, StaffMember me) {
        StopView s = list(me).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("线路站点不存在 route stop not found"));
        jdbc.sql("DELETE FROM wst_route_stop WHERE id = :id").param("id", id).update();
        audit.record(
                "WST_ROUTE",
                String.valueOf(id),
                "REMOVE",
                null,
                s.plate() + " " + s.weekdayLabel() + " " + s.creditCode() + " by " + me.username());
    }
}
