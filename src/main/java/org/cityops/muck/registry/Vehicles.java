package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.orDefault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.engine.Terminals;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.VehicleRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trucks (渣土车): plate and colour, the terminal fitted (unique, stored without leading zeros), company, district;
 * in the data scope of their district (a vehicle of a company takes the company's district unless it names one);
 * audited as {@code MUCK_VEHICLE}.
 */
@Service
public class Vehicles {

    private static final String SELECT = """
            SELECT v.*, c.name AS company_name FROM muck_vehicle v LEFT JOIN muck_company c ON c.id = v.company_id""";
    private static final String TERMINAL_TAKEN = "终端号已被其他车辆使用 terminal already fitted to another vehicle";
    private static final String PLATE_TAKEN = "车牌已登记 plate already registered";

    private final ScopedQueries q;
    private final Companies companies;
    private final AuditTrail audit;
    private final RegistryChanges changes;
    private final Clock clock;

    Vehicles(ScopedQueries q, Companies companies, AuditTrail audit, RegistryChanges changes, Clock clock) {
        this.q = q;
        this.companies = companies;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    /** The vehicles in the caller's area, of one company and matching part of a plate or terminal if given. */
    @Transactional(readOnly = true)
    public List<Vehicle> vehicles(StaffMember me, Long companyId, String text) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim() + "%";
        return q.inScope(me, SELECT + " " + """
                 WHERE (:scope = '' OR v.district_code LIKE :like)
                   AND (CAST(:company AS BIGINT) IS NULL OR v.company_id = :company)
                   AND (CAST(:q AS VARCHAR) IS NULL OR v.plate LIKE :q OR v.terminal_phone LIKE :q)
                 ORDER BY v.plate""")
                .param("company", companyId)
                .param("q", like)
                .query(Vehicles::vehicle)
                .list();
    }

    @Transactional(readOnly = true)
    public Vehicle vehicle(StaffMember me, long id) {
        return q.find(
                me,
                SELECT + " WHERE v.id = :id",
                id,
                "district_code",
                Vehicles::vehicle,
                "车辆不存在 vehicle not found",
                "vehicle ");
    }

    /** The vehicle fitted with this terminal (any number of leading zeros), whatever the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<Vehicle> vehicleByTerminal(String terminal) {
        String t = Terminals.normalize(terminal);
        if (t == null) {
            return Optional.empty();
        }
        return q.jdbc()
                .sql(SELECT + " WHERE v.terminal_phone = :t")
                .param("t", t)
                .query(Vehicles::vehicle)
                .optional();
    }

    @Transactional
    public Vehicle createVehicle(StaffMember me, VehicleRequest r) {
        String terminal = terminal(r.terminalPhone());
        String plate = plate(r.plate());
        plateColor(r.plateColor());
        String district = district(me, r);
        q.unique(
                "SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :v",
                terminal,
                "terminalPhone",
                TERMINAL_TAKEN);
        if (q.jdbc()
                        .sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c")
                        .param("p", plate)
                        .param("c", r.plateColor())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException(PLATE_TAKEN, "plate");
        }
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_vehicle (plate, plate_color, terminal_phone, company_id, rated_load_t, rated_volume_m3,
                  body_type, district_code, status, created_at)
                VALUES (:plate, :color, :terminal, :company, :load, :volume, :body, :district, :status, :now)""")
                .param("plate", plate)
                .param("color", r.plateColor())
                .param("terminal", terminal)
                .param("company", r.companyId())
                .param("load", r.ratedLoadT())
                .param("volume", r.ratedVolumeM3())
                .param("body", r.bodyType())
                .param("district", district)
                .param("status", orDefault(r.status(), "ACTIVE"))
                .param("now", DbTime.toDb(clock.instant())));
        audit.record("MUCK_VEHICLE", String.valueOf(id), "CREATE", null, plate + " terminal " + terminal);
        changes.changed();
        return vehicle(me, id);
    }

    @Transactional
    public Vehicle updateVehicle(StaffMember me, long id, VehicleRequest r) {
        Vehicle before = vehicle(me, id);
        String terminal = terminal(r.terminalPhone());
        String plate = plate(r.plate());
        plateColor(r.plateColor());
        String district = district(me, r);
        if (q.jdbc()
                        .sql("SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :t AND id <> :id")
                        .param("t", terminal)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException(TERMINAL_TAKEN, "terminalPhone");
        }
        if (q.jdbc()
                        .sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c AND id <> :id")
                        .param("p", plate)
                        .param("c", r.plateColor())
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException(PLATE_TAKEN, "plate");
        }
        q.jdbc()
                .sql("""
                UPDATE muck_vehicle SET plate = :plate, plate_color = :color, terminal_phone = :terminal,
                  company_id = :company, rated_load_t = :load, rated_volume_m3 = :volume, body_type = :body,
                  district_code = :district, status = :status, version = version + 1 WHERE id = :id""")
                .param("plate", plate)
                .param("color", r.plateColor())
                .param("terminal", terminal)
                .param("company", r.companyId())
                .param("load", r.ratedLoadT())
                .param("volume", r.ratedVolumeM3())
                .param("body", r.bodyType())
                .param("district", district)
                .param("status", orDefault(r.status(), before.status()))
                .param("id", id)
                .update();
        audit.record(
                "MUCK_VEHICLE",
                String.valueOf(id),
                "UPDATE",
                before.plate() + " " + before.terminalPhone() + " " + before.status(),
                plate + " " + terminal + " " + orDefault(r.status(), before.status()));
        changes.changed();
        return vehicle(me, id);
    }

    /** The district the vehicle is kept under (its own, else its company's), checked against the caller's scope. */
    private String district(StaffMember me, VehicleRequest r) {
        String district = r.districtCode();
        if (r.companyId() != null) {
            Company c = companies.company(me, r.companyId());
            district = district == null ? c.districtCode() : district;
        }
        ScopedQueries.check(me, district, "district");
        return district;
    }

    private static Vehicle vehicle(ResultSet rs, int n) throws SQLException {
        long company = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : company;
        return new Vehicle(
                rs.getLong("id"),
                rs.getString("plate"),
                rs.getInt("plate_color"),
                rs.getString("terminal_phone"),
                companyId,
                rs.getString("company_name"),
                rs.getBigDecimal("rated_load_t"),
                rs.getBigDecimal("rated_volume_m3"),
                rs.getString("body_type"),
                rs.getString("district_code"),
                rs.getString("status"),
                DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
    }

    /** The terminal number without leading zeros; a 400 on {@code terminalPhone} unless it is 5-20 digits. */
    static String terminal(String raw) {
        String t = Terminals.normalize(raw);
        if (t == null || t.length() < 5) {
            throw new InvalidInputException("终端手机号应为数字 terminal phone must be 5-20 digits", "terminalPhone");
        }
        return t;
    }

    static String plate(String raw) {
        String p = raw == null ? "" : raw.trim();
        if (p.length() < 2) {
            throw new InvalidInputException("车牌号不合法 invalid plate", "plate");
        }
        return p;
    }

    static void plateColor(Integer c) {
        if (c == null || !(c >= 0 && c <= 5 || c == 9)) {
            throw new InvalidInputException("车牌颜色应为 0-5 或 9 plate colour must be 0-5 or 9 (JT/T 808)", "plateColor");
        }
    }
}
