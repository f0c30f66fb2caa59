package org.cityops.streetfront.parking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违停拖移: a vehicle parked against the rules is towed to a storage yard (who, where, when, which vehicle, whose
 * fleet) and later released to whoever collects it, with a fee or without one (a waived fee needs its reason).
 * Placed in the grid, street and district where it was towed, for data scope. Audited.
 */
@Service
public class Tows {

    /** A tow to record. */
    public record TowDraft(
            String vehicleKind,
            String vehicleId,
            Long operatorId,
            Double lat,
            Double lon,
            String address,
            String yard) {}

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final ParkingOperators operators;
    private final AuditTrail audit;
    private final Clock clock;

    Tows(JdbcClient jdbc, GridLocator grids, ParkingOperators operators, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TowRecord tow(TowDraft d, StaffMember me, boolean synthetic) {
        VehicleKind kind = VehicleKind.parse(d.vehicleKind());
        if (kind == null) {
            throw new InvalidInputException("车辆类型须为 共享单车/电动自行车/自行车 unknown vehicle kind", "vehicleKind");
        }
        if (d.vehicleId() == null
                || d.vehicleId().isBlank()
                || d.vehicleId().trim().length() > 64) {
            throw new InvalidInputException("车牌或车辆编号必填 vehicle id required", "vehicleId");
        }
        if (kind == VehicleKind.SHARED_BIKE && d.operatorId() == null) {
            throw new InvalidInputException("共享单车须填写运营企业 a shared bike needs its operator", "operatorId");
        }
        if (d.operatorId() != null) {
            operators.get(d.operatorId());
        }
        if (d.yard() == null || d.yard().isBlank() || d.yard().trim().length() > 200) {
            throw new InvalidInputException("停放保管场必填 storage yard required", "yard");
        }
        if (d.lat() == null || d.lon() == null) {
            throw new InvalidInputException("拖移地点必填 position required", "lat");
        }
        GridLocation at = grids.locate(d.lat(), d.lon())
                .orElseThrow(() -> new InvalidInputException("拖移地点不在本市网格内 position outside the city", "lat"));
        if (!ParkingAreas.scope(me).matches(at.gridCode(), null, null)) {
            throw new InvalidInputException("拖移地点不在本人数据范围内 position outside your area", "lat");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_park_tow (vehicle_kind, vehicle_id, operator_id, lat, lon, address, grid_code, street_code,
                  district_code, towed_by, towed_at, yard, synthetic)
                VALUES (:kind, :vid, :op, :lat, :lon, :address, :grid, :street, :district, :by, :at, :yard, :synthetic)""")
                .param("kind", kind.name())
                .param("vid", d.vehicleId().trim())
                .param("op", d.operatorId())
                .param("lat", d.lat())
                .param("lon", d.lon())
                .param(
                        "address",
                        d.address() == null || d.address().isBlank()
                                ? null
                                : d.address().trim())
                .param("grid", at.gridCode())
                .param("street", at.streetCode())
                .param("district", at.districtCode())
                .param("by", me.username())
                .param("at", DbTime.toDb(clock.instant()))
                .param("yard", d.yard().trim())
                .param("synthetic", synthetic)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_PARK_TOW",
                String.valueOf(id),
                "TOW",
                null,
                kind.label() + " " + d.vehicleId().trim() + " → " + d.yard().trim());
        return get(id, me);
    }

    /** 放行: once; a second release is a 409. */
    @Transactional
    public TowRecord release(long id, String releasedTo, BigDecimal fee, String feeNote, StaffMember me) {
        TowRecord t = get(id, me);
        if (t.released()) {
            throw new ConflictException("车辆已放行 already released");
        }
        ParkingGeometry.Problem p = ParkingRules.releaseProblem(fee, feeNote, releasedTo);
        if (p != null) {
            throw new InvalidInputException(p.message(), p.field());
        }
        jdbc.sql("UPDATE sf_park_tow SET released_at = :at, released_to = :to, released_by = :by, fee = :fee, "
                        + "fee_note = :note WHERE id = :id AND released_at IS NULL")
                .param("at", DbTime.toDb(clock.instant()))
                .param("to", releasedTo.trim())
                .param("by", me.username())
                .param("fee", fee)
                .param("note", feeNote == null || feeNote.isBlank() ? null : feeNote.trim())
                .param("id", id)
                .update();
        audit.record(
                "SF_PARK_TOW",
                String.valueOf(id),
                "RELEASE_TOWED",
                null,
                releasedTo.trim() + " fee " + fee.toPlainString());
        return get(id, me);
    }

    public TowRecord get(long id, StaffMember me) {
        TowRecord t = jdbc.sql(
                        "SELECT t.*, o.name op FROM sf_park_tow t LEFT JOIN sf_park_operator o ON o.id = t.operator_id "
                                + "WHERE t.id = :id")
                .param("id", id)
                .query(Tows::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("拖移记录不存在 tow not found"));
        String grid = jdbc.sql("SELECT grid_code FROM sf_park_tow WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        if (!ParkingAreas.scope(me).matches(grid, null, null)) {
            throw new NotFoundException("拖移记录不存在 tow not found");
        }
        return t;
    }

    /** The caller's tows, those still in the yard first, newest first; at most 1,000. */
    public List<TowRecord> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = ParkingAreas.scope(me)
                .sql(
                        new org.cityops.org.ScopeColumns("t.grid_code", "t.district_code", "t.street_code", null, null),
                        params);
        return jdbc.sql(
                        "SELECT t.*, o.name op FROM sf_park_tow t LEFT JOIN sf_park_operator o ON o.id = t.operator_id WHERE "
                                + where
                                + " ORDER BY CASE WHEN t.released_at IS NULL THEN 0 ELSE 1 END, t.towed_at DESC "
                                + "FETCH FIRST 1000 ROWS ONLY")
                .params(params)
                .query(Tows::map)
                .list();
    }

    private static TowRecord map(ResultSet rs, int n) throws SQLException {
        VehicleKind k = VehicleKind.valueOf(rs.getString("vehicle_kind"));
        return new TowRecord(
                rs.getLong("id"),
                k.name(),
                k.label(),
                rs.getString("vehicle_id"),
                (Long) rs.getObject("operator_id", Long.class),
                rs.getString("op"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("address"),
                rs.getString("district_code"),
                rs.getString("towed_by"),
                DbTime.fromDb(rs.getObject("towed_at", java.time.OffsetDateTime.class)),
                rs.getString("yard"),
                DbTime.fromDb(rs.getObject("released_at", java.time.OffsetDateTime.class)),
                rs.getString("released_to"),
                rs.getString("released_by"),
                rs.getBigDecimal("fee"),
                rs.getString("fee_note"));
    }

    Instant now() {
        return clock.instant();
    }
}
