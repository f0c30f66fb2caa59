package org.cityops.wastestream.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kitchen-waste collection vehicles, registered like muck trucks and sanitation vehicles: only a registered
 * terminal may connect to the gateway, and only a registered plate may report a pickup. Audited.
 */
@Service
public class WasteFleet {

    static final BigDecimal MAX_RATED_LOAD_KG = new BigDecimal("50000");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    WasteFleet(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<WasteVehicle> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = ScopeRule.filter(me, RecordKind.AREA).sql(ScopeColumns.area("district_code"), params);
        return jdbc.sql("SELECT * FROM wst_vehicle WHERE " + where + " ORDER BY plate")
                .params(params)
                .query(WasteFleet::map)
                .list();
    }

    /** Every vehicle by normalized plate (the collection rules, the weighbridge). */
    public Map<String, WasteVehicle> byPlate() {
        Map<String, WasteVehicle> out = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_vehicle")
                .query(WasteFleet::map)
                .list()
                .forEach(v -> out.put(WasteVehicle.normalizePlate(v.plate()), v));
        return out;
    }

    @Transactional
    public WasteVehicle register(
            String plate,
            int plateColor,
            String terminal,
            BigDecimal ratedLoadKg,
            String company,
            String districtCode,
            StaffMember me) {
        String p = WasteVehicle.normalizePlate(plate);
        if (p == null || p.isEmpty() || p.length() > 32) {
            throw new InvalidInputException("车牌号必填 plate required", "plate");
        }
        String t = terminal == null ? "" : terminal.trim().replaceFirst("^0+", "");
        if (!t.matches("\\d{1,20}")) {
            throw new InvalidInputException("终端号须为数字 terminal must be digits", "terminal");
        }
        if (ratedLoadKg == null || ratedLoadKg.signum() <= 0 || ratedLoadKg.compareTo(MAX_RATED_LOAD_KG) > 0) {
            throw new InvalidInputException("核定载质量须在0至50000千克之间 rated load must be 0..50000 kg", "ratedLoadKg");
        }
        if (count("terminal_phone", t) > 0) {
            throw new InvalidInputException("终端已登记 terminal already registered", "terminal");
        }
        if (count("plate", p) > 0) {
            throw new InvalidInputException("车牌已登记 plate already registered", "plate");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wst_vehicle (plate, plate_color, terminal_phone, rated_load_kg, company, district_code,
                  created_at) VALUES (:plate, :color, :t, :load, :company, :district, :now)""")
                .param("plate", p)
                .param("color", plateColor)
                .param("t", t)
                .param("load", ratedLoadKg)
                .param("company", company)
                .param("district", districtCode)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "WST_VEHICLE", String.valueOf(id), "REGISTER", null, p + " terminal " + t + " load " + ratedLoadKg);
        return jdbc.sql("SELECT * FROM wst_vehicle WHERE id = :id")
                .param("id", id)
                .query(WasteFleet::map)
                .single();
    }

    private long count(String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM wst_vehicle WHERE " + column + " = :v")
                .param("v", value)
                .query(Long.class)
                .single();
    }

    static WasteVehicle map(ResultSet rs, int n) throws SQLException {
        return new WasteVehicle(
                rs.getLong("id"),
                rs.getString("plate"),
                rs.getInt("plate_color"),
                rs.getString("terminal_phone"),
                rs.getBigDecimal("rated_load_kg"),
                rs.getString("company"),
                rs.getString("district_code"),
                rs.getString("status"));
    }
}
