package org.cityops.muck.registry;

import static org.cityops.muck.registry.ScopedQueries.insert;
import static org.cityops.muck.registry.ScopedQueries.localDate;
import static org.cityops.muck.registry.ScopedQueries.nullableLong;
import static org.cityops.muck.registry.ScopedQueries.orDefault;
import static org.cityops.muck.registry.ScopedQueries.sqlDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.Driver;
import org.cityops.muck.registry.RegistryModel.DriverRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drivers (驾驶员), in the data scope of their company's district (a driver without a company: city-wide users
 * only); audited as {@code MUCK_DRIVER}. The alarm engine does not read drivers, so a change tells no listener.
 */
@Service
public class Drivers {

    private static final String SELECT = """
            SELECT d.*, c.name AS company_name, c.district_code AS company_district, v.plate AS vehicle_plate
            FROM muck_driver d LEFT JOIN muck_company c ON c.id = d.company_id
              LEFT JOIN muck_vehicle v ON v.id = d.vehicle_id""";
    private static final String LICENSE_TAKEN = "SELECT COUNT(*) FROM muck_driver WHERE license_no = :v";

    private final ScopedQueries q;
    private final Companies companies;
    private final Vehicles vehicles;
    private final AuditTrail audit;

    Drivers(ScopedQueries q, Companies companies, Vehicles vehicles, AuditTrail audit) {
        this.q = q;
        this.companies = companies;
        this.vehicles = vehicles;
        this.audit = audit;
    }

    /** The drivers whose company lies in the caller's area (drivers without a company: city-wide users only). */
    @Transactional(readOnly = true)
    public List<Driver> drivers(StaffMember me, Long companyId) {
        return q.inScope(me, SELECT + " " + """
                 WHERE (:scope = '' OR c.district_code LIKE :like)
                   AND (CAST(:company AS BIGINT) IS NULL OR d.company_id = :company) ORDER BY d.name""")
                .param("company", companyId)
                .query(Drivers::driver)
                .list();
    }

    @Transactional(readOnly = true)
    public Driver driver(StaffMember me, long id) {
        return q.find(
                me,
                SELECT + " WHERE d.id = :id",
                id,
                "company_district",
                Drivers::driver,
                "驾驶员不存在 driver not found",
                "driver ");
    }

    @Transactional
    public Driver createDriver(StaffMember me, DriverRequest r) {
        checkDriver(me, r);
        q.unique(LICENSE_TAKEN, r.licenseNo(), "licenseNo", "驾驶证号已登记 licence already registered");
        long id = insert(q.jdbc()
                .sql("""
                INSERT INTO muck_driver (company_id, name, license_no, phone, vehicle_id, status, license_until)
                VALUES (:company, :name, :license, :phone, :vehicle, :status, :until)""")
                .param("company", r.companyId())
                .param("name", r.name().trim())
                .param("license", r.licenseNo().trim())
                .param("phone", r.phone())
                .param("vehicle", r.vehicleId())
                .param("status", orDefault(r.status(), "ACTIVE"))
                .param("until", sqlDate(r.licenseUntil())));
        audit.record(
                "MUCK_DRIVER",
                String.valueOf(id),
                "CREATE",
                null,
                r.name() + " " + r.licenseNo() + " until " + r.licenseUntil());
        return driver(me, id);
    }

    @Transactional
    public Driver updateDriver(StaffMember me, long id, DriverRequest r) {
        Driver before = driver(me, id);
        checkDriver(me, r);
        if (!before.licenseNo().equals(r.licenseNo().trim())) {
            q.unique(LICENSE_TAKEN, r.licenseNo(), "licenseNo", "驾驶证号已登记 licence already registered");
        }
        String status = orDefault(r.status(), before.status());
        q.jdbc()
                .sql("""
                UPDATE muck_driver SET company_id = :company, name = :name, license_no = :license, phone = :phone,
                  vehicle_id = :vehicle, status = :status, license_until = :until, version = version + 1
                WHERE id = :id""")
                .param("company", r.companyId())
                .param("name", r.name().trim())
                .param("license", r.licenseNo().trim())
                .param("phone", r.phone())
                .param("vehicle", r.vehicleId())
                .param("status", status)
                .param("until", sqlDate(r.licenseUntil()))
                .param("id", id)
                .update();
        audit.record(
                "MUCK_DRIVER",
                String.valueOf(id),
                "UPDATE",
                summary(
                        before.name(),
                        before.licenseNo(),
                        before.status(),
                        before.companyId(),
                        before.vehicleId(),
                        before.licenseUntil()),
                summary(r.name().trim(), r.licenseNo().trim(), status, r.companyId(), r.vehicleId(), r.licenseUntil()));
        return driver(me, id);
    }

    /**
     * The driver's company and usual vehicle exist and lie in the caller's scope (as a vehicle's company does; no
     * company is city-wide), and the vehicle, when it has a company, is the driver's company's.
     */
    private void checkDriver(StaffMember me, DriverRequest r) {
        Company company = r.companyId() == null ? null : companies.company(me, r.companyId());
        ScopedQueries.check(me, company == null ? null : company.districtCode(), "district");
        if (r.vehicleId() != null) {
            Vehicle v = vehicles.vehicle(me, r.vehicleId());
            if (company != null && v.companyId() != null && v.companyId() != company.id()) {
                throw new InvalidInputException("该车辆属于其他运输企业 the vehicle belongs to another company", "vehicleId");
            }
        }
    }

    private static String summary(
            String name, String licenseNo, String status, Long companyId, Long vehicleId, LocalDate licenseUntil) {
        return name + " " + licenseNo + " " + status + " company " + companyId + " vehicle " + vehicleId + " until "
                + licenseUntil;
    }

    private static Driver driver(ResultSet rs, int n) throws SQLException {
        return new Driver(
                rs.getLong("id"),
                nullableLong(rs, "company_id"),
                rs.getString("company_name"),
                rs.getString("name"),
                rs.getString("license_no"),
                rs.getString("phone"),
                nullableLong(rs, "vehicle_id"),
                rs.getString("vehicle_plate"),
                rs.getString("status"),
                localDate(rs, "license_until"));
    }
}
