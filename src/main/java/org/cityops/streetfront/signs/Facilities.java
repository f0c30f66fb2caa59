package org.cityops.streetfront.signs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 户外广告/招牌设施 ledger (一牌一档): create, list in the caller's data scope (a facility belongs to the grid,
 * street and district its position lies in), the map's bounding-box query, permits and the 即将到期/已过期 list,
 * the public card by QR token. Every change is audited.
 */
@Service
public class Facilities {

    /** Largest answer of one bounding-box query. */
    public static final int BBOX_LIMIT = 5_000;

    private static final ScopeColumns COLUMNS =
            new ScopeColumns("grid_code", "district_code", "street_code", null, null);
    private static final String QR_CHARS = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;
    private final FacilityRules rules;

    Facilities(JdbcClient jdbc, GridLocator grids, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.rules = new FacilityRules((lat, lon) -> grids.locate(lat, lon).isPresent());
    }

    /** Creates one facility; a problem is a 400 naming the field. */
    @Transactional
    public Facility create(FacilityDraft d, StaffMember me, boolean synthetic) {
        List<FacilityRules.Problem> problems = rules.problems(d);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        String code = d.code().trim();
        if (jdbc.sql("SELECT COUNT(*) FROM sf_facility WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("设施编号已存在 code already exists: " + code, "code");
        }
        GridLocation at = grids.locate(d.lat(), d.lon()).orElseThrow();
        FacilityClass fc = FacilityClass.parse(d.facilityClass());
        FacilityKind kind = FacilityKind.parse(d.kind());
        double area = d.widthM() * d.heightM();
        LocalDate today = today();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_facility (code, name, facility_class, kind, owner_name, owner_credit_code, address,
                  lat, lon, width_m, height_m, area_m2, grid_code, street_code, district_code, permit_no,
                  permit_from, permit_to, permit_conditions, qr_token, next_inspection, synthetic, created_at)
                VALUES (:code, :name, :fc, :kind, :owner, :credit, :address, :lat, :lon, :w, :h, :area, :grid,
                  :street, :district, :permitNo, :permitFrom, :permitTo, :conditions, :qr, :next, :synthetic, :now)""")
                .param("code", code)
                .param("name", d.name().trim())
                .param("fc", fc.name())
                .param("kind", kind.name())
                .param("owner", d.ownerName().trim())
                .param("credit", CreditCode.normalize(d.ownerCreditCode()))
                .param("address", blankToNull(d.address()))
                .param("lat", d.lat())
                .param("lon", d.lon())
                .param("w", round(d.widthM()))
                .param("h", round(d.heightM()))
                .param("area", round(area))
                .param("grid", at.gridCode())
                .param("street", at.streetCode())
                .param("district", at.districtCode())
                .param("permitNo", blankToNull(d.permitNo()))
                .param("permitFrom", d.permitFrom())
                .param("permitTo", d.permitTo())
                .param("conditions", blankToNull(d.permitConditions()))
                .param("qr", newToken())
                // a new facility is due for its first check at once when large, else after one interval
                .param(
                        "next",
                        InspectionCadence.large(fc, kind, area)
                                ? today
                                : today.plusDays(InspectionCadence.intervalDays(fc, kind, area)))
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_FACILITY",
                String.valueOf(id),
                "CREATE",
                null,
                code + " " + d.name().trim());
        return get(id, StaffMember.SYSTEM);
    }

    /** Renews or sets the permit (设置许可); end before start is a 400 on {@code permitTo}. */
    @Transactional
    public Facility setPermit(
            long id, String permitNo, LocalDate from, LocalDate to, String conditions, StaffMember me) {
        Facility before = get(id, me);
        FacilityDraft d = new FacilityDraft(
                null, null, null, null, null, null, null, null, null, null, null, permitNo, from, to, conditions);
        List<FacilityRules.Problem> problems = FacilityRules.permitProblems(d);
        if (permitNo == null && from == null && to == null) {
            problems = List.of(new FacilityRules.Problem("permitNo", "许可证号必填 permit number required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        jdbc.sql("UPDATE sf_facility SET permit_no = :n, permit_from = :f, permit_to = :t, permit_conditions = :c "
                        + "WHERE id = :id")
                .param("n", permitNo.trim())
                .param("f", from)
                .param("t", to)
                .param("c", blankToNull(conditions))
                .param("id", id)
                .update();
        audit.record(
                "SF_FACILITY",
                String.valueOf(id),
                "PERMIT",
                before.permitNo() + " " + before.permitFrom() + ".." + before.permitTo(),
                permitNo.trim() + " " + from + ".." + to);
        return get(id, me);
    }

    public Facility get(long id, StaffMember me) {
        Facility f = jdbc.sql("SELECT * FROM sf_facility WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("设施不存在 facility not found"));
        if (!scope(me).matches(f.gridCode(), null, null)) {
            throw new NotFoundException("设施不存在 facility not found");
        }
        return f;
    }

    /** The facility behind a QR link, without scope (the public card shows only what a citizen may see). */
    public Optional<Facility> byToken(String token) {
        if (token == null || token.length() > 32) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM sf_facility WHERE qr_token = :t")
                .param("t", token)
                .query(this::map)
                .optional();
    }

    /** The caller's facilities, optionally only one owner's (统一社会信用代码), newest code first, at most 1,000. */
    public List<Facility> list(StaffMember me, String ownerCreditCode) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        if (ownerCreditCode != null && !ownerCreditCode.isBlank()) {
            where += " AND owner_credit_code = :owner";
            params.put("owner", CreditCode.normalize(ownerCreditCode));
        }
        return jdbc.sql("SELECT * FROM sf_facility WHERE " + where + " ORDER BY code FETCH FIRST 1000 ROWS ONLY")
                .params(params)
                .query(this::map)
                .list();
    }

    /** The map's query: the caller's facilities inside a bounding box, at most {@link #BBOX_LIMIT}. */
    public List<Facility> inBox(StaffMember me, double minLon, double minLat, double maxLon, double maxLat) {
        if (minLon > maxLon || minLat > maxLat) {
            throw new InvalidInputException("范围无效 bbox must be minLon,minLat,maxLon,maxLat", "bbox");
        }
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        params.put("minLat", minLat);
        params.put("maxLat", maxLat);
        params.put("minLon", minLon);
        params.put("maxLon", maxLon);
        params.put("limit", BBOX_LIMIT);
        return jdbc.sql("SELECT * FROM sf_facility WHERE lat BETWEEN :minLat AND :maxLat AND lon BETWEEN :minLon AND "
                        + ":maxLon AND " + where + " ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .query(this::map)
                .list();
    }

    /**
     * 即将到期/已过期: the caller's facilities whose permit ends within {@link PermitStatus#EXPIRING_DAYS} days or
     * has ended, the soonest end first.
     */
    public List<Facility> expiring(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        params.put("limitDay", today().plusDays(PermitStatus.EXPIRING_DAYS));
        return jdbc.sql("SELECT * FROM sf_facility WHERE permit_to IS NOT NULL AND permit_to <= :limitDay AND " + where
                        + " ORDER BY permit_to, code FETCH FIRST 1000 ROWS ONLY")
                .params(params)
                .query(this::map)
                .list();
    }

    /** The export's columns (.xlsx). */
    static final List<String> EXPORT_HEADERS = List.of(
            "设施编号",
            "名称",
            "设置形式",
            "类型",
            "设置人",
            "统一社会信用代码",
            "地址",
            "纬度",
            "经度",
            "宽(米)",
            "高(米)",
            "面积(平方米)",
            "许可证号",
            "许可起始",
            "许可截止",
            "许可状态",
            "下次安全检查");

    /** The caller's facilities (as {@link #list}, at most 1,000) as .xlsx. */
    public byte[] exportXlsx(StaffMember me) {
        try (org.cityops.platform.excel.WorkbookWriter wb = new org.cityops.platform.excel.WorkbookWriter()) {
            org.cityops.platform.excel.SheetWriter sheet = wb.sheet("户外广告设施台账", EXPORT_HEADERS);
            for (Facility f : list(me, null)) {
                sheet.row(
                        f.code(),
                        f.name(),
                        f.facilityClassLabel(),
                        f.kindLabel(),
                        f.ownerName(),
                        f.ownerCreditCode(),
                        f.address(),
                        f.lat(),
                        f.lon(),
                        f.widthM(),
                        f.heightM(),
                        f.areaM2(),
                        f.permitNo(),
                        f.permitFrom(),
                        f.permitTo(),
                        f.permitStatusLabel(),
                        f.nextInspection());
            }
            return wb.toBytes();
        }
    }

    /** Ids of the caller's large facilities (see {@link InspectionCadence#large}), optionally in one district. */
    List<Long> largeIds(StaffMember me, String districtCode) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        if (districtCode != null && !districtCode.isBlank()) {
            where += " AND district_code = :district";
            params.put("district", districtCode.trim());
        }
        params.put("large", BigDecimal.valueOf(InspectionCadence.LARGE_AREA_M2));
        return jdbc.sql("SELECT id FROM sf_facility WHERE (facility_class = 'FREESTANDING' OR kind = 'LED_SCREEN' OR "
                        + "area_m2 >= :large) AND " + where + " ORDER BY id")
                .params(params)
                .query(Long.class)
                .list();
    }

    /** Moves the next inspection after a check on {@code day}. */
    void inspected(Facility f, java.time.Instant at) {
        LocalDate day = at.atZone(CityClock.ZONE).toLocalDate();
        jdbc.sql("UPDATE sf_facility SET last_inspected_at = :at, next_inspection = :next WHERE id = :id")
                .param("at", DbTime.toDb(at))
                .param("next", day.plusDays(InspectionCadence.intervalDays(f.facilityClass(), f.kind(), f.areaM2())))
                .param("id", f.id())
                .update();
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    LocalDate today() {
        return clock.instant().atZone(CityClock.ZONE).toLocalDate();
    }

    private static String newToken() {
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(QR_CHARS.charAt(RANDOM.nextInt(QR_CHARS.length())));
        }
        return b.toString();
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Facility map(ResultSet rs, int n) throws SQLException {
        FacilityClass fc = FacilityClass.valueOf(rs.getString("facility_class"));
        FacilityKind kind = FacilityKind.valueOf(rs.getString("kind"));
        double area = rs.getDouble("area_m2");
        LocalDate from = rs.getObject("permit_from", LocalDate.class);
        LocalDate to = rs.getObject("permit_to", LocalDate.class);
        LocalDate today = today();
        PermitStatus ps = PermitStatus.of(from, to, today);
        LocalDate next = rs.getObject("next_inspection", LocalDate.class);
        return new Facility(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                fc,
                fc.label(),
                kind,
                kind.label(),
                rs.getString("owner_name"),
                rs.getString("owner_credit_code"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getDouble("width_m"),
                rs.getDouble("height_m"),
                area,
                InspectionCadence.large(fc, kind, area),
                rs.getString("grid_code"),
                rs.getString("street_code"),
                rs.getString("district_code"),
                rs.getString("permit_no"),
                from,
                to,
                rs.getString("permit_conditions"),
                ps,
                ps.label(),
                rs.getString("qr_token"),
                DbTime.fromDb(rs.getObject("last_inspected_at", java.time.OffsetDateTime.class)),
                next,
                next != null && next.isBefore(today));
    }
}
