package org.cityops.streetfront.parking;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 停放数量上报 and 溢出告警: a count for one area, by an inspector (all brands, in the inspector's data scope) or by
 * an operator's machine key (its own bicycles, city-wide), recomputes the area's occupancy
 * ({@link ParkingRules#occupancy}); an area over its capacity opens an alert (one open alert per area, raised to
 * the highest count), a later count within capacity closes it. A count above the operator's fleet cap or far
 * above the area's capacity is kept with a warning. All audited.
 */
@Service
public class ParkingCounts {

    public static final int MAX_BIKES = 1_000_000;

    /** What a report did: the area's new occupancy, whether it overflows, the alert, the count's warning. */
    public record CountResult(
            long countId,
            String areaCode,
            Integer occupancy,
            int capacity,
            boolean overflowing,
            Long alertId,
            String warning) {}

    private final JdbcClient jdbc;
    private final ParkingAreas areas;
    private final AuditTrail audit;
    private final Clock clock;

    ParkingCounts(JdbcClient jdbc, ParkingAreas areas, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    /** An inspector's count of every bicycle in an area of the inspector's scope. */
    @Transactional
    public CountResult byInspector(long areaId, Integer bikes, StaffMember me) {
        ParkingArea a = areas.get(areaId, me);
        return record(a, null, null, ParkingRules.Source.INSPECTOR, bikes, me.username());
    }

    /** An operator's count of its own bicycles in the area of that code (404 for an unknown code). */
    @Transactional
    public CountResult byOperator(ParkingOperator op, String areaCode, Integer bikes) {
        if (areaCode == null || areaCode.isBlank()) {
            throw new InvalidInputException("停放区编号必填 areaCode required", "areaCode");
        }
        ParkingArea a = jdbc.sql("SELECT * FROM sf_park_area WHERE code = :c")
                .param("c", areaCode.trim())
                .query(ParkingAreas::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("停放区不存在 unknown areaCode " + areaCode.trim()));
        return record(
                a,
                op.id(),
                op.fleetCap(),
                ParkingRules.Source.OPERATOR,
                bikes,
                ParkingOperators.CLIENT_PREFIX + op.code());
    }

    private CountResult record(
            ParkingArea a, Long operatorId, Integer fleetCap, ParkingRules.Source source, Integer bikes, String by) {
        if (bikes == null || bikes < 0 || bikes > MAX_BIKES) {
            throw new InvalidInputException("数量须为0至1000000之间的整数 bikes must be 0–1000000", "bikes");
        }
        Instant now = clock.instant();
        String warning = ParkingRules.countWarning(bikes, fleetCap, a.capacity());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sf_park_count (area_id, operator_id, source, bikes, reported_by, counted_at, warning) "
                        + "VALUES (:area, :op, :source, :bikes, :by, :at, :warning)")
                .param("area", a.id())
                .param("op", operatorId)
                .param("source", source.name())
                .param("bikes", bikes)
                .param("by", by)
                .param("at", DbTime.toDb(now))
                .param("warning", warning)
                .update(keys, "id");
        long countId = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_PARK_COUNT",
                String.valueOf(countId),
                "COUNT",
                null,
                a.code() + " " + source + " " + bikes + (warning == null ? "" : " ⚠ " + warning));
        List<ParkingRules.Report> reports = jdbc.sql("SELECT source, operator_id, bikes, counted_at FROM sf_park_count "
                        + "WHERE area_id = :area AND counted_at >= :from")
                .param("area", a.id())
                .param("from", DbTime.toDb(now.minus(ParkingRules.WINDOW)))
                .query((rs, n) -> new ParkingRules.Report(
                        ParkingRules.Source.valueOf(rs.getString("source")),
                        (Long) rs.getObject("operator_id", Long.class),
                        rs.getInt("bikes"),
                        DbTime.fromDb(rs.getObject("counted_at", java.time.OffsetDateTime.class))))
                .list();
        Integer occupancy = ParkingRules.occupancy(reports, now);
        areas.setOccupancy(a.id(), occupancy, now);
        boolean over = ParkingRules.overflowing(occupancy, a.capacity());
        Long open = jdbc.sql("SELECT id FROM sf_park_alert WHERE area_id = :a AND closed_at IS NULL")
                .param("a", a.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        Long alertId = open;
        if (over && open == null) {
            var ak = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO sf_park_alert (area_id, opened_at, occupancy, capacity) VALUES (:a, :at, :o, :c)")
                    .param("a", a.id())
                    .param("at", DbTime.toDb(now))
                    .param("o", occupancy)
                    .param("c", a.capacity())
                    .update(ak, "id");
            alertId = ak.getKeyAs(Number.class).longValue();
            audit.record(
                    "SF_PARK_ALERT",
                    String.valueOf(alertId),
                    "ALERT_OPEN",
                    null,
                    a.code() + " " + occupancy + "/" + a.capacity());
        } else if (over) {
            jdbc.sql("UPDATE sf_park_alert SET occupancy = :o WHERE id = :id AND occupancy < :o")
                    .param("o", occupancy)
                    .param("id", open)
                    .update();
        } else if (open != null) {
            jdbc.sql("UPDATE sf_park_alert SET closed_at = :at WHERE id = :id")
                    .param("at", DbTime.toDb(now))
                    .param("id", open)
                    .update();
            audit.record(
                    "SF_PARK_ALERT",
                    String.valueOf(open),
                    "ALERT_CLOSE",
                    null,
                    a.code() + " " + occupancy + "/" + a.capacity());
            alertId = null;
        }
        return new CountResult(countId, a.code(), occupancy, a.capacity(), over, alertId, warning);
    }

    /** The caller's open overflow alerts, newest first (or, with {@code all}, the last 500 of any state). */
    public List<OverflowAlert> alerts(StaffMember me, boolean all) {
        Map<String, Object> params = new HashMap<>();
        String where = ParkingAreas.scope(me)
                .sql(
                        new org.cityops.org.ScopeColumns("a.grid_code", "a.district_code", "a.street_code", null, null),
                        params);
        return jdbc.sql(
                        "SELECT l.*, a.code, a.name, a.district_code FROM sf_park_alert l JOIN sf_park_area a ON a.id = l.area_id "
                                + "WHERE " + (all ? "" : "l.closed_at IS NULL AND ") + where
                                + " ORDER BY l.opened_at DESC FETCH FIRST 500 ROWS ONLY")
                .params(params)
                .query((rs, n) -> new OverflowAlert(
                        rs.getLong("id"),
                        rs.getLong("area_id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("district_code"),
                        DbTime.fromDb(rs.getObject("opened_at", java.time.OffsetDateTime.class)),
                        rs.getInt("occupancy"),
                        rs.getInt("capacity"),
                        DbTime.fromDb(rs.getObject("closed_at", java.time.OffsetDateTime.class))))
                .list();
    }

    /** One recent count with its warning, for the area page. */
    public record CountLine(
            long id, String source, String operatorName, int bikes, String reportedBy, Instant at, String warning) {}

    /** The area's last 50 counts, newest first. */
    public List<CountLine> recent(long areaId, StaffMember me) {
        areas.get(areaId, me);
        return jdbc.sql(
                        "SELECT c.*, o.name op FROM sf_park_count c LEFT JOIN sf_park_operator o ON o.id = c.operator_id "
                                + "WHERE c.area_id = :a ORDER BY c.counted_at DESC, c.id DESC FETCH FIRST 50 ROWS ONLY")
                .param("a", areaId)
                .query((rs, n) -> new CountLine(
                        rs.getLong("id"),
                        rs.getString("source"),
                        rs.getString("op"),
                        rs.getInt("bikes"),
                        rs.getString("reported_by"),
                        DbTime.fromDb(rs.getObject("counted_at", java.time.OffsetDateTime.class)),
                        rs.getString("warning")))
                .list();
    }
}
