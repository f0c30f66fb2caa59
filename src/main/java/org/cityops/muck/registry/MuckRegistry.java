package org.cityops.muck.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.audit.AuditTrail;
import org.cityops.muck.engine.Terminals;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.CompanyRequest;
import org.cityops.muck.registry.RegistryModel.DisposalSite;
import org.cityops.muck.registry.RegistryModel.DisposalSiteRequest;
import org.cityops.muck.registry.RegistryModel.Driver;
import org.cityops.muck.registry.RegistryModel.DriverRequest;
import org.cityops.muck.registry.RegistryModel.Permit;
import org.cityops.muck.registry.RegistryModel.PermitRequest;
import org.cityops.muck.registry.RegistryModel.Site;
import org.cityops.muck.registry.RegistryModel.SiteRecord;
import org.cityops.muck.registry.RegistryModel.SiteRecordRequest;
import org.cityops.muck.registry.RegistryModel.SiteRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.VehicleRequest;
import org.cityops.muck.registry.RegistryModel.Zone;
import org.cityops.muck.registry.RegistryModel.ZoneRequest;
import org.cityops.platform.ActorProvider;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The construction-waste registry (登记备案): companies, vehicles, drivers, sites with their files, disposal
 * sites, permits and zones. Every change is audited in its transaction, checked against the caller's data scope,
 * and tells the {@link RegistryChangeListener}s after the commit (the alarm engine rebuilds its world).
 */
@Service
public class MuckRegistry {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MuckScope scope;
    private final Clock clock;
    private final ActorProvider actors;
    private final List<RegistryChangeListener> listeners;

    MuckRegistry(JdbcClient jdbc, AuditTrail audit, MuckScope scope, Clock clock, ActorProvider actors,
            List<RegistryChangeListener> listeners) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
        this.actors = actors;
        this.listeners = listeners;
    }

    // =========================================================== companies
    private static final String COMPANY_SELECT = """
            SELECT c.*, (SELECT COUNT(*) FROM muck_vehicle v WHERE v.company_id = c.id) AS vehicles
            FROM muck_company c""";

    @Transactional(readOnly = true)
    public List<Company> companies() {
        return jdbc.sql(COMPANY_SELECT + " WHERE (:scope = '' OR c.district_code LIKE :like) ORDER BY c.code")
                .param("scope", scope.prefix()).param("like", scope.like()).query(MuckRegistry::company).list();
    }

    @Transactional(readOnly = true)
    public Company company(long id) {
        return findInScope(COMPANY_SELECT + " WHERE c.id = :id", id, MuckRegistry::company, Company::districtCode,
                "运输企业不存在 company not found", "company ");
    }

    @Transactional
    public Company createCompany(CompanyRequest r) {
        scope.check(r.districtCode(), "district");
        unique("SELECT COUNT(*) FROM muck_company WHERE code = :v", r.code(), "code", "企业编码已存在 company code exists");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_company (code, name, license_no, qualification, qualification_until, contact, phone,
                  district_code, status)
                VALUES (:code, :name, :license, :qual, :until, :contact, :phone, :district, :status)""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("license", r.licenseNo())
                .param("qual", r.qualification()).param("until", sqlDate(r.qualificationUntil()))
                .param("contact", r.contact()).param("phone", r.phone()).param("district", r.districtCode())
                .param("status", orDefault(r.status(), "ACTIVE")).update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_COMPANY", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changed();
        return company(id);
    }

    @Transactional
    public Company updateCompany(long id, CompanyRequest r) {
        Company before = company(id);
        scope.check(r.districtCode(), "district");
        if (!before.code().equals(r.code().trim())) {
            unique("SELECT COUNT(*) FROM muck_company WHERE code = :v", r.code(), "code", "企业编码已存在 company code exists");
        }
        jdbc.sql("""
                UPDATE muck_company SET code = :code, name = :name, license_no = :license, qualification = :qual,
                  qualification_until = :until, contact = :contact, phone = :phone, district_code = :district,
                  status = :status, version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("license", r.licenseNo())
                .param("qual", r.qualification()).param("until", sqlDate(r.qualificationUntil()))
                .param("contact", r.contact()).param("phone", r.phone()).param("district", r.districtCode())
                .param("status", orDefault(r.status(), before.status())).param("id", id).update();
        audit.record("MUCK_COMPANY", String.valueOf(id), "UPDATE", before.code() + " " + before.name() + " " + before.status(),
                r.code() + " " + r.name() + " " + orDefault(r.status(), before.status()));
        changed();
        return company(id);
    }

    private static Company company(ResultSet rs, int n) throws SQLException {
        return new Company(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("license_no"),
                rs.getString("qualification"), localDate(rs, "qualification_until"), rs.getString("contact"),
                rs.getString("phone"), rs.getString("district_code"), rs.getString("status"), rs.getLong("vehicles"));
    }

    // =========================================================== vehicles
    private static final String VEHICLE_SELECT = """
            SELECT v.*, c.name AS company_name FROM muck_vehicle v LEFT JOIN muck_company c ON c.id = v.company_id""";

    @Transactional(readOnly = true)
    public List<Vehicle> vehicles(Long companyId, String q) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        return jdbc.sql(VEHICLE_SELECT + " " + """
                 WHERE (:scope = '' OR v.district_code LIKE :like)
                   AND (CAST(:company AS BIGINT) IS NULL OR v.company_id = :company)
                   AND (CAST(:q AS VARCHAR) IS NULL OR v.plate LIKE :q OR v.terminal_phone LIKE :q)
                 ORDER BY v.plate""")
                .param("scope", scope.prefix()).param("like", scope.like()).param("company", companyId)
                .param("q", like).query(MuckRegistry::vehicle).list();
    }

    @Transactional(readOnly = true)
    public Vehicle vehicle(long id) {
        return findInScope(VEHICLE_SELECT + " WHERE v.id = :id", id, MuckRegistry::vehicle, Vehicle::districtCode,
                "车辆不存在 vehicle not found", "vehicle ");
    }

    /** The vehicle fitted with this terminal (any number of leading zeros), whatever the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<Vehicle> vehicleByTerminal(String terminal) {
        String t = Terminals.normalize(terminal);
        if (t == null) {
            return Optional.empty();
        }
        return jdbc.sql(VEHICLE_SELECT + " WHERE v.terminal_phone = :t").param("t", t).query(MuckRegistry::vehicle)
                .optional();
    }

    @Transactional
    public Vehicle createVehicle(VehicleRequest r) {
        String terminal = terminal(r.terminalPhone());
        String plate = plate(r.plate());
        plateColor(r.plateColor());
        String district = r.districtCode();
        if (r.companyId() != null) {
            Company c = company(r.companyId());
            district = district == null ? c.districtCode() : district;
        }
        scope.check(district, "district");
        unique("SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :v", terminal, "terminalPhone",
                "终端号已被其他车辆使用 terminal already fitted to another vehicle");
        if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c").param("p", plate)
                .param("c", r.plateColor()).query(Long.class).single() > 0) {
            throw new ConflictException("车牌已登记 plate already registered", "plate");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_vehicle (plate, plate_color, terminal_phone, company_id, rated_load_t, rated_volume_m3,
                  body_type, district_code, status, created_at)
                VALUES (:plate, :color, :terminal, :company, :load, :volume, :body, :district, :status, :now)""")
                .param("plate", plate).param("color", r.plateColor()).param("terminal", terminal)
                .param("company", r.companyId()).param("load", r.ratedLoadT()).param("volume", r.ratedVolumeM3())
                .param("body", r.bodyType()).param("district", district).param("status", orDefault(r.status(), "ACTIVE"))
                .param("now", DbTime.toDb(clock.instant())).update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_VEHICLE", String.valueOf(id), "CREATE", null, plate + " terminal " + terminal);
        changed();
        return vehicle(id);
    }

    @Transactional
    public Vehicle updateVehicle(long id, VehicleRequest r) {
        Vehicle before = vehicle(id);
        String terminal = terminal(r.terminalPhone());
        String plate = plate(r.plate());
        plateColor(r.plateColor());
        String district = r.districtCode();
        if (r.companyId() != null) {
            Company c = company(r.companyId());
            district = district == null ? c.districtCode() : district;
        }
        scope.check(district, "district");
        if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :t AND id <> :id").param("t", terminal)
                .param("id", id).query(Long.class).single() > 0) {
            throw new ConflictException("终端号已被其他车辆使用 terminal already fitted to another vehicle", "terminalPhone");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c AND id <> :id")
                .param("p", plate).param("c", r.plateColor()).param("id", id).query(Long.class).single() > 0) {
            throw new ConflictException("车牌已登记 plate already registered", "plate");
        }
        jdbc.sql("""
                UPDATE muck_vehicle SET plate = :plate, plate_color = :color, terminal_phone = :terminal,
                  company_id = :company, rated_load_t = :load, rated_volume_m3 = :volume, body_type = :body,
                  district_code = :district, status = :status, version = version + 1 WHERE id = :id""")
                .param("plate", plate).param("color", r.plateColor()).param("terminal", terminal)
                .param("company", r.companyId()).param("load", r.ratedLoadT()).param("volume", r.ratedVolumeM3())
                .param("body", r.bodyType()).param("district", district)
                .param("status", orDefault(r.status(), before.status())).param("id", id).update();
        audit.record("MUCK_VEHICLE", String.valueOf(id), "UPDATE",
                before.plate() + " " + before.terminalPhone() + " " + before.status(),
                plate + " " + terminal + " " + orDefault(r.status(), before.status()));
        changed();
        return vehicle(id);
    }

    private static Vehicle vehicle(ResultSet rs, int n) throws SQLException {
        long company = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : company;
        return new Vehicle(rs.getLong("id"), rs.getString("plate"), rs.getInt("plate_color"),
                rs.getString("terminal_phone"), companyId, rs.getString("company_name"), rs.getBigDecimal("rated_load_t"),
                rs.getBigDecimal("rated_volume_m3"), rs.getString("body_type"), rs.getString("district_code"),
                rs.getString("status"), DbTime.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
    }

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

    // =========================================================== drivers
    private static final String DRIVER_SELECT = """
            SELECT d.*, c.name AS company_name, c.district_code AS company_district, v.plate AS vehicle_plate
            FROM muck_driver d LEFT JOIN muck_company c ON c.id = d.company_id
              LEFT JOIN muck_vehicle v ON v.id = d.vehicle_id""";

    /** The drivers whose company lies in the caller's area (drivers without a company: city-wide users only). */
    @Transactional(readOnly = true)
    public List<Driver> drivers(Long companyId) {
        return jdbc.sql(DRIVER_SELECT + " " + """
                 WHERE (:scope = '' OR c.district_code LIKE :like)
                   AND (CAST(:company AS BIGINT) IS NULL OR d.company_id = :company) ORDER BY d.name""")
                .param("scope", scope.prefix()).param("like", scope.like()).param("company", companyId)
                .query(MuckRegistry::driver).list();
    }

    @Transactional(readOnly = true)
    public Driver driver(long id) {
        return jdbc.sql(DRIVER_SELECT + " WHERE d.id = :id").param("id", id).query((rs, n) -> {
            scope.check(rs.getString("company_district"), "driver " + id);
            return driver(rs, n);
        }).optional().orElseThrow(() -> new NotFoundException("驾驶员不存在 driver not found"));
    }

    @Transactional
    public Driver createDriver(DriverRequest r) {
        checkDriver(r);
        unique("SELECT COUNT(*) FROM muck_driver WHERE license_no = :v", r.licenseNo(), "licenseNo",
                "驾驶证号已登记 licence already registered");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_driver (company_id, name, license_no, phone, vehicle_id, status, license_until)
                VALUES (:company, :name, :license, :phone, :vehicle, :status, :until)""")
                .param("company", r.companyId()).param("name", r.name().trim()).param("license", r.licenseNo().trim())
                .param("phone", r.phone()).param("vehicle", r.vehicleId())
                .param("status", orDefault(r.status(), "ACTIVE")).param("until", sqlDate(r.licenseUntil()))
                .update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_DRIVER", String.valueOf(id), "CREATE", null,
                r.name() + " " + r.licenseNo() + " until " + r.licenseUntil());
        return driver(id);
    }

    @Transactional
    public Driver updateDriver(long id, DriverRequest r) {
        Driver before = driver(id);
        checkDriver(r);
        if (!before.licenseNo().equals(r.licenseNo().trim())) {
            unique("SELECT COUNT(*) FROM muck_driver WHERE license_no = :v", r.licenseNo(), "licenseNo",
                    "驾驶证号已登记 licence already registered");
        }
        String status = orDefault(r.status(), before.status());
        jdbc.sql("""
                UPDATE muck_driver SET company_id = :company, name = :name, license_no = :license, phone = :phone,
                  vehicle_id = :vehicle, status = :status, license_until = :until, version = version + 1
                WHERE id = :id""")
                .param("company", r.companyId()).param("name", r.name().trim()).param("license", r.licenseNo().trim())
                .param("phone", r.phone()).param("vehicle", r.vehicleId()).param("status", status)
                .param("until", sqlDate(r.licenseUntil())).param("id", id).update();
        audit.record("MUCK_DRIVER", String.valueOf(id), "UPDATE",
                driverSummary(before.name(), before.licenseNo(), before.status(), before.companyId(), before.vehicleId(),
                        before.licenseUntil()),
                driverSummary(r.name().trim(), r.licenseNo().trim(), status, r.companyId(), r.vehicleId(),
                        r.licenseUntil()));
        return driver(id);
    }

    /**
     * The driver's company and usual vehicle exist and lie in the caller's scope (as a vehicle's company does; no
     * company is city-wide), and the vehicle, when it has a company, is the driver's company's.
     */
    private void checkDriver(DriverRequest r) {
        Company company = r.companyId() == null ? null : company(r.companyId());
        scope.check(company == null ? null : company.districtCode(), "district");
        if (r.vehicleId() != null) {
            Vehicle v = vehicle(r.vehicleId());
            if (company != null && v.companyId() != null && v.companyId() != company.id()) {
                throw new InvalidInputException("该车辆属于其他运输企业 the vehicle belongs to another company", "vehicleId");
            }
        }
    }

    private static String driverSummary(String name, String licenseNo, String status, Long companyId, Long vehicleId,
            LocalDate licenseUntil) {
        return name + " " + licenseNo + " " + status + " company " + companyId + " vehicle " + vehicleId + " until "
                + licenseUntil;
    }

    private static Driver driver(ResultSet rs, int n) throws SQLException {
        return new Driver(rs.getLong("id"), nullableLong(rs, "company_id"), rs.getString("company_name"),
                rs.getString("name"), rs.getString("license_no"), rs.getString("phone"), nullableLong(rs, "vehicle_id"),
                rs.getString("vehicle_plate"), rs.getString("status"), localDate(rs, "license_until"));
    }

    // =========================================================== sites (一工地一档案)
    @Transactional(readOnly = true)
    public List<Site> sites() {
        return listInScope("muck_site", "code", MuckRegistry::site);
    }

    @Transactional(readOnly = true)
    public Site site(long id) {
        return findInScope("SELECT * FROM muck_site WHERE id = :id", id, MuckRegistry::site, Site::districtCode,
                "工地不存在 site not found", "site ");
    }

    @Transactional
    public Site createSite(SiteRequest r) {
        scope.check(r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        String gates = Wkt.points(r.gates(), "gates");
        unique("SELECT COUNT(*) FROM muck_site WHERE code = :v", r.code(), "code", "工地编码已存在 site code exists");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_site (code, name, district_code, address, polygon_wkt, gates_wkt, developer, contractor,
                  declared_volume_m3, waste_plan_no, waste_plan_filed_on, status)
                VALUES (:code, :name, :district, :address, :polygon, :gates, :developer, :contractor, :volume, :plan,
                  :filed, :status)""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("district", r.districtCode())
                .param("address", r.address()).param("polygon", polygon).param("gates", gates)
                .param("developer", r.developer()).param("contractor", r.contractor())
                .param("volume", r.declaredVolumeM3()).param("plan", r.wastePlanNo())
                .param("filed", sqlDate(r.wastePlanFiledOn())).param("status", orDefault(r.status(), "ACTIVE"))
                .update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_SITE", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changed();
        return site(id);
    }

    @Transactional
    public Site updateSite(long id, SiteRequest r) {
        Site before = site(id);
        scope.check(r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        String gates = Wkt.points(r.gates(), "gates");
        if (!before.code().equals(r.code().trim())) {
            unique("SELECT COUNT(*) FROM muck_site WHERE code = :v", r.code(), "code", "工地编码已存在 site code exists");
        }
        jdbc.sql("""
                UPDATE muck_site SET code = :code, name = :name, district_code = :district, address = :address,
                  polygon_wkt = :polygon, gates_wkt = :gates, developer = :developer, contractor = :contractor,
                  declared_volume_m3 = :volume, waste_plan_no = :plan, waste_plan_filed_on = :filed, status = :status,
                  version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("district", r.districtCode())
                .param("address", r.address()).param("polygon", polygon).param("gates", gates)
                .param("developer", r.developer()).param("contractor", r.contractor())
                .param("volume", r.declaredVolumeM3()).param("plan", r.wastePlanNo())
                .param("filed", sqlDate(r.wastePlanFiledOn())).param("status", orDefault(r.status(), before.status()))
                .param("id", id).update();
        audit.record("MUCK_SITE", String.valueOf(id), "UPDATE", before.code() + " " + before.status(),
                r.code() + " " + orDefault(r.status(), before.status()));
        changed();
        return site(id);
    }

    private static Site site(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
                rs.getString("address"), rs.getString("polygon_wkt"), rs.getString("gates_wkt"),
                rs.getString("developer"), rs.getString("contractor"), rs.getBigDecimal("declared_volume_m3"),
                rs.getString("waste_plan_no"), localDate(rs, "waste_plan_filed_on"), rs.getString("status"));
    }

    @Transactional(readOnly = true)
    public List<SiteRecord> siteRecords(long siteId) {
        site(siteId);
        return jdbc.sql("SELECT * FROM muck_site_record WHERE site_id = :id ORDER BY recorded_at DESC, id DESC")
                .param("id", siteId).query(MuckRegistry::siteRecord).list();
    }

    @Transactional
    public SiteRecord addSiteRecord(long siteId, SiteRecordRequest r) {
        site(siteId);
        var at = r.recordedAt() == null ? clock.instant() : r.recordedAt();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_site_record (site_id, kind, recorded_at, person, title, note, created_by)
                VALUES (:site, :kind, :at, :person, :title, :note, :by)""")
                .param("site", siteId).param("kind", r.kind()).param("at", DbTime.toDb(at)).param("person", r.person())
                .param("title", r.title().trim()).param("note", r.note()).param("by", actors.current().username())
                .update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_SITE", String.valueOf(siteId), "RECORD_" + r.kind(), null, r.title());
        return jdbc.sql("SELECT * FROM muck_site_record WHERE id = :id").param("id", id)
                .query(MuckRegistry::siteRecord).single();
    }

    private static SiteRecord siteRecord(ResultSet rs, int n) throws SQLException {
        return new SiteRecord(rs.getLong("id"), rs.getLong("site_id"), rs.getString("kind"),
                DbTime.fromDb(rs.getObject("recorded_at", OffsetDateTime.class)), rs.getString("person"),
                rs.getString("title"), rs.getString("note"), rs.getString("created_by"));
    }

    // =========================================================== disposal sites
    @Transactional(readOnly = true)
    public List<DisposalSite> disposalSites() {
        return listInScope("muck_disposal_site", "code", MuckRegistry::disposal);
    }

    @Transactional(readOnly = true)
    public DisposalSite disposalSite(long id) {
        return findInScope("SELECT * FROM muck_disposal_site WHERE id = :id", id, MuckRegistry::disposal,
                DisposalSite::districtCode, "消纳场不存在 disposal site not found", "disposal site ");
    }

    @Transactional
    public DisposalSite createDisposalSite(DisposalSiteRequest r) {
        scope.check(r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        checkCapacity(r.capacityM3(), r.remainingM3());
        unique("SELECT COUNT(*) FROM muck_disposal_site WHERE code = :v", r.code(), "code",
                "消纳场编码已存在 disposal site code exists");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_disposal_site (code, name, district_code, address, polygon_wkt, capacity_m3,
                  remaining_m3, accepted_types, status)
                VALUES (:code, :name, :district, :address, :polygon, :capacity, :remaining, :types, :status)""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("district", r.districtCode())
                .param("address", r.address()).param("polygon", polygon).param("capacity", r.capacityM3())
                .param("remaining", r.remainingM3() == null ? r.capacityM3() : r.remainingM3())
                .param("types", r.acceptedTypes()).param("status", orDefault(r.status(), "ACTIVE")).update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_DISPOSAL_SITE", String.valueOf(id), "CREATE", null, r.code() + " " + r.name());
        changed();
        return disposalSite(id);
    }

    @Transactional
    public DisposalSite updateDisposalSite(long id, DisposalSiteRequest r) {
        DisposalSite before = disposalSite(id);
        scope.check(r.districtCode(), "district");
        String polygon = Wkt.polygon(r.polygon(), "polygon");
        checkCapacity(r.capacityM3(), r.remainingM3());
        if (!before.code().equals(r.code().trim())) {
            unique("SELECT COUNT(*) FROM muck_disposal_site WHERE code = :v", r.code(), "code",
                    "消纳场编码已存在 disposal site code exists");
        }
        jdbc.sql("""
                UPDATE muck_disposal_site SET code = :code, name = :name, district_code = :district, address = :address,
                  polygon_wkt = :polygon, capacity_m3 = :capacity, remaining_m3 = :remaining, accepted_types = :types,
                  status = :status, version = version + 1 WHERE id = :id""")
                .param("code", r.code().trim()).param("name", r.name().trim()).param("district", r.districtCode())
                .param("address", r.address()).param("polygon", polygon).param("capacity", r.capacityM3())
                .param("remaining", r.remainingM3()).param("types", r.acceptedTypes())
                .param("status", orDefault(r.status(), before.status())).param("id", id).update();
        audit.record("MUCK_DISPOSAL_SITE", String.valueOf(id), "UPDATE",
                before.code() + " remaining " + before.remainingM3(), r.code() + " remaining " + r.remainingM3());
        changed();
        return disposalSite(id);
    }

    private static void checkCapacity(BigDecimal capacity, BigDecimal remaining) {
        if (capacity != null && remaining != null && remaining.compareTo(capacity) > 0) {
            throw new InvalidInputException("剩余库容不能大于总库容 remaining volume exceeds capacity", "remainingM3");
        }
    }

    private static DisposalSite disposal(ResultSet rs, int n) throws SQLException {
        return new DisposalSite(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("district_code"), rs.getString("address"), rs.getString("polygon_wkt"),
                rs.getBigDecimal("capacity_m3"), rs.getBigDecimal("remaining_m3"), rs.getString("accepted_types"),
                rs.getString("status"));
    }

    // =========================================================== permits (核准)
    private static final String PERMIT_SELECT = """
            SELECT p.*, s.name AS site_name, s.district_code AS site_district, d.name AS disposal_name
            FROM muck_permit p JOIN muck_site s ON s.id = p.site_id JOIN muck_disposal_site d ON d.id = p.disposal_site_id""";

    @Transactional(readOnly = true)
    public List<Permit> permits(Long siteId, Long vehicleId) {
        List<Permit> raw = jdbc.sql(PERMIT_SELECT + " " + """
                 WHERE (:scope = '' OR s.district_code LIKE :like)
                   AND (CAST(:site AS BIGINT) IS NULL OR p.site_id = :site)
                   AND (CAST(:vehicle AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM muck_permit_vehicle pv
                        WHERE pv.permit_id = p.id AND pv.vehicle_id = :vehicle))
                 ORDER BY p.valid_from DESC, p.permit_no""")
                .param("scope", scope.prefix()).param("like", scope.like()).param("site", siteId)
                .param("vehicle", vehicleId).query((rs, n) -> permit(rs, List.of())).list();
        Map<Long, List<Long>> vehicles = permitVehicles();
        List<Permit> out = new ArrayList<>(raw.size());
        for (Permit p : raw) {
            out.add(withVehicles(p, vehicles.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Permit permit(long id) {
        Permit p = jdbc.sql(PERMIT_SELECT + " WHERE p.id = :id").param("id", id).query((rs, n) -> {
            scope.check(rs.getString("site_district"), "permit " + id);
            return permit(rs, List.of());
        }).optional().orElseThrow(() -> new NotFoundException("核准不存在 permit not found"));
        return withVehicles(p, jdbc.sql("SELECT vehicle_id FROM muck_permit_vehicle WHERE permit_id = :id ORDER BY vehicle_id")
                .param("id", id).query(Long.class).list());
    }

    @Transactional
    public Permit createPermit(PermitRequest r) {
        String route = checkPermit(r);
        unique("SELECT COUNT(*) FROM muck_permit WHERE permit_no = :v", r.permitNo(), "permitNo",
                "核准编号已存在 permit number exists");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_permit (permit_no, company_id, site_id, disposal_site_id, route_wkt, corridor_m,
                  valid_from, valid_to, daily_start, daily_end, status)
                VALUES (:no, :company, :site, :disposal, :route, :corridor, :from, :to, :start, :end, :status)""")
                .param("no", r.permitNo().trim()).param("company", r.companyId()).param("site", r.siteId())
                .param("disposal", r.disposalSiteId()).param("route", route)
                .param("corridor", r.corridorM() == null ? 50 : r.corridorM()).param("from", sqlDate(r.validFrom()))
                .param("to", sqlDate(r.validTo())).param("start", r.dailyStart()).param("end", r.dailyEnd())
                .param("status", orDefault(r.status(), "ACTIVE")).update(keys, "id");
        long id = key(keys);
        setPermitVehicles(id, r.vehicleIds());
        audit.record("MUCK_PERMIT", String.valueOf(id), "CREATE", null,
                r.permitNo() + " " + r.validFrom() + ".." + r.validTo() + " vehicles " + r.vehicleIds());
        changed();
        return permit(id);
    }

    @Transactional
    public Permit updatePermit(long id, PermitRequest r) {
        Permit before = permit(id);
        String route = checkPermit(r);
        if (!before.permitNo().equals(r.permitNo().trim())) {
            unique("SELECT COUNT(*) FROM muck_permit WHERE permit_no = :v", r.permitNo(), "permitNo",
                    "核准编号已存在 permit number exists");
        }
        jdbc.sql("""
                UPDATE muck_permit SET permit_no = :no, company_id = :company, site_id = :site,
                  disposal_site_id = :disposal, route_wkt = :route, corridor_m = :corridor, valid_from = :from,
                  valid_to = :to, daily_start = :start, daily_end = :end, status = :status, version = version + 1
                WHERE id = :id""")
                .param("no", r.permitNo().trim()).param("company", r.companyId()).param("site", r.siteId())
                .param("disposal", r.disposalSiteId()).param("route", route)
                .param("corridor", r.corridorM() == null ? before.corridorM() : r.corridorM())
                .param("from", sqlDate(r.validFrom())).param("to", sqlDate(r.validTo())).param("start", r.dailyStart())
                .param("end", r.dailyEnd()).param("status", orDefault(r.status(), before.status())).param("id", id)
                .update();
        setPermitVehicles(id, r.vehicleIds());
        audit.record("MUCK_PERMIT", String.valueOf(id), "UPDATE",
                before.permitNo() + " " + before.status() + " vehicles " + before.vehicleIds(),
                r.permitNo() + " " + orDefault(r.status(), before.status()) + " vehicles " + r.vehicleIds());
        changed();
        return permit(id);
    }

    private String checkPermit(PermitRequest r) {
        if (r.validTo().isBefore(r.validFrom())) {
            throw new InvalidInputException("有效期结束早于开始 validTo before validFrom", "validTo");
        }
        if ((r.dailyStart() == null) != (r.dailyEnd() == null)) {
            throw new InvalidInputException("时段需同时给出开始和结束 give both dailyStart and dailyEnd", "dailyEnd");
        }
        site(r.siteId());
        disposalSite(r.disposalSiteId());
        if (r.companyId() != null) {
            company(r.companyId());
        }
        if (r.vehicleIds() != null) {
            for (Long v : r.vehicleIds()) {
                if (v == null) {
                    throw new InvalidInputException("车辆编号不能为空 vehicle id missing", "vehicleIds");
                }
                if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE id = :id").param("id", v).query(Long.class)
                        .single() == 0) {
                    throw new InvalidInputException("车辆不存在 unknown vehicle " + v, "vehicleIds");
                }
            }
        }
        return Wkt.line(r.route(), "route");
    }

    private void setPermitVehicles(long permitId, List<Long> vehicleIds) {
        jdbc.sql("DELETE FROM muck_permit_vehicle WHERE permit_id = :id").param("id", permitId).update();
        if (vehicleIds == null) {
            return;
        }
        for (Long v : new LinkedHashSet<>(vehicleIds)) {
            jdbc.sql("INSERT INTO muck_permit_vehicle (permit_id, vehicle_id) VALUES (:p, :v)").param("p", permitId)
                    .param("v", v).update();
        }
    }

    private Map<Long, List<Long>> permitVehicles() {
        Map<Long, List<Long>> map = new HashMap<>();
        jdbc.sql("SELECT permit_id, vehicle_id FROM muck_permit_vehicle ORDER BY vehicle_id").query(rs -> {
            map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return map;
    }

    private static Permit permit(ResultSet rs, List<Long> vehicles) throws SQLException {
        return new Permit(rs.getLong("id"), rs.getString("permit_no"), nullableLong(rs, "company_id"),
                rs.getLong("site_id"), rs.getString("site_name"), rs.getLong("disposal_site_id"),
                rs.getString("disposal_name"), rs.getString("route_wkt"), rs.getInt("corridor_m"),
                localDate(rs, "valid_from"), localDate(rs, "valid_to"), rs.getString("daily_start"),
                rs.getString("daily_end"), rs.getString("status"), vehicles);
    }

    private static Permit withVehicles(Permit p, List<Long> v) {
        return new Permit(p.id(), p.permitNo(), p.companyId(), p.siteId(), p.siteName(), p.disposalSiteId(),
                p.disposalSiteName(), p.route(), p.corridorM(), p.validFrom(), p.validTo(), p.dailyStart(),
                p.dailyEnd(), p.status(), List.copyOf(v));
    }

    /** The table's rows in the caller's area. */
    private <T> List<T> listInScope(String table, String orderBy, org.springframework.jdbc.core.RowMapper<T> mapper) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE (:scope = '' OR district_code LIKE :like) ORDER BY " + orderBy)
                .param("scope", scope.prefix()).param("like", scope.like()).query(mapper).list();
    }

    /** One row by id, or 404; then 403 unless its district is in the caller's area. */
    private <T> T findInScope(String sql, long id, org.springframework.jdbc.core.RowMapper<T> mapper,
            java.util.function.Function<T, String> district, String notFound, String what) {
        T row = jdbc.sql(sql).param("id", id).query(mapper).optional()
                .orElseThrow(() -> new NotFoundException(notFound));
        scope.check(district.apply(row), what + id);
        return row;
    }

    // =========================================================== zones
    @Transactional(readOnly = true)
    public List<Zone> zones() {
        return listInScope("muck_zone", "kind, name", MuckRegistry::zone);
    }

    @Transactional(readOnly = true)
    public Zone zone(long id) {
        return findInScope("SELECT * FROM muck_zone WHERE id = :id", id, MuckRegistry::zone, Zone::districtCode,
                "区域不存在 zone not found", "zone ");
    }

    @Transactional
    public Zone createZone(ZoneRequest r) {
        scope.check(r.districtCode(), "district");
        String polygon = checkZone(r);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_zone (name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end,
                  district_code, active)
                VALUES (:name, :kind, :polygon, :limit, :start, :end, :district, :active)""")
                .param("name", r.name().trim()).param("kind", r.kind()).param("polygon", polygon)
                .param("limit", r.speedLimitKmh()).param("start", r.windowStart()).param("end", r.windowEnd())
                .param("district", r.districtCode()).param("active", r.active() == null || r.active())
                .update(keys, "id");
        long id = key(keys);
        audit.record("MUCK_ZONE", String.valueOf(id), "CREATE", null, r.kind() + " " + r.name());
        changed();
        return zone(id);
    }

    @Transactional
    public Zone updateZone(long id, ZoneRequest r) {
        Zone before = zone(id);
        scope.check(r.districtCode(), "district");
        String polygon = checkZone(r);
        jdbc.sql("""
                UPDATE muck_zone SET name = :name, kind = :kind, polygon_wkt = :polygon, speed_limit_kmh = :limit,
                  window_start = :start, window_end = :end, district_code = :district, active = :active,
                  version = version + 1 WHERE id = :id""")
                .param("name", r.name().trim()).param("kind", r.kind()).param("polygon", polygon)
                .param("limit", r.speedLimitKmh()).param("start", r.windowStart()).param("end", r.windowEnd())
                .param("district", r.districtCode()).param("active", r.active() == null || r.active())
                .param("id", id).update();
        audit.record("MUCK_ZONE", String.valueOf(id), "UPDATE", before.kind() + " " + before.name() + " " + before.active(),
                r.kind() + " " + r.name() + " " + (r.active() == null || r.active()));
        changed();
        return zone(id);
    }

    private static String checkZone(ZoneRequest r) {
        if ("SPEED".equals(r.kind()) && r.speedLimitKmh() == null) {
            throw new InvalidInputException("限速区需要限速值 a speed zone needs speedLimitKmh", "speedLimitKmh");
        }
        if ((r.windowStart() == null) != (r.windowEnd() == null)) {
            throw new InvalidInputException("时段需同时给出开始和结束 give both windowStart and windowEnd", "windowEnd");
        }
        return Wkt.polygon(r.polygon(), "polygon");
    }

    private static Zone zone(ResultSet rs, int n) throws SQLException {
        int limit = rs.getInt("speed_limit_kmh");
        Integer speed = rs.wasNull() ? null : limit;
        return new Zone(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("polygon_wkt"),
                speed, rs.getString("window_start"), rs.getString("window_end"), rs.getString("district_code"),
                rs.getBoolean("active"));
    }

    // =========================================================== helpers
    private void unique(String sql, String value, String field, String message) {
        if (jdbc.sql(sql).param("v", value.trim()).query(Long.class).single() > 0) {
            throw new ConflictException(message, field);
        }
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    listeners.forEach(RegistryChangeListener::registryChanged);
                }
            });
        } else {
            listeners.forEach(RegistryChangeListener::registryChanged);
        }
    }

    private static long key(GeneratedKeyHolder keys) {
        return keys.getKey().longValue();
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static LocalDate localDate(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
