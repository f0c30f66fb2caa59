package org.cityops.streetfront.zone;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.NamedHeader;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 市容环卫责任区 (门前三包) ledger: zones along frontages keyed to the responsible party's 统一社会信用代码,
 * placed in the grid, street and district their interior point lies in (data scope: {@code ScopeRule},
 * {@code RecordKind.AREA}); a zone overlapping another zone is refused unless a reason is given (then the overlap
 * and the reason are recorded); .xlsx import (all or nothing) and export. Every change is audited.
 *
 * <p>Over 400 lines: the zone ledger with its overlap check, .xlsx import and export and the party page; the import should move to
 * its own class (to do).
 */
@Service("streetfrontZones")
public class Zones {

    static final ScopeColumns COLUMNS = new ScopeColumns("grid_code", "district_code", "street_code", null, null);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    /** The import and export columns (import: the first eight; * = required). */
    public static final List<String> HEADERS =
            List.of("责任区编号", "名称", "责任人", "统一社会信用代码", "联系人", "联系电话", "地址", "范围(WKT)", "重叠说明");

    private static final List<String> EXPORT_HEADERS = List.of(
            "责任区编号",
            "名称",
            "责任人",
            "统一社会信用代码",
            "联系人",
            "联系电话",
            "地址",
            "范围(WKT)",
            "重叠说明",
            "面积(平方米)",
            "街道",
            "区",
            "重叠责任区",
            "责任书签订",
            "责任书上墙");

    private static final Map<String, String> FIELD_COLUMNS = Map.of(
            "code", "责任区编号",
            "name", "名称",
            "partyName", "责任人",
            "partyCreditCode", "统一社会信用代码",
            "contactName", "联系人",
            "contactPhone", "联系电话",
            "address", "地址",
            "polygon", "范围(WKT)",
            "overlapReason", "重叠说明");

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;

    Zones(JdbcClient jdbc, GridLocator grids, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
    }

    /** A problem of a draft: the field (API name) and the message. */
    public record Problem(String field, String message) {}

    /** A checked draft, ready to insert. */
    private record Checked(ZoneDraft draft, ZoneGeometry geometry, GridLocation at, List<String> overlaps) {}

    /** One row's problem in an import: Excel row number (0 = the file) and column. */
    public record RowError(int row, String column, String message) {}

    public record ImportReport(int created, List<RowError> errors) {}

    /** Creates one zone; a problem is a 400 naming the field (an unexplained overlap names {@code overlapReason}). */
    @Transactional
    public Zone create(ZoneDraft d, StaffMember me, boolean synthetic) {
        List<Problem> problems = new ArrayList<>();
        Checked c = check(d, List.of(), Set.of(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        return get(insert(c, synthetic), me);
    }

    private Checked check(ZoneDraft d, List<ZoneGeometry.Coded> alsoNew, Set<String> codesInFile, List<Problem> out) {
        if (blank(d.code()) || d.code().trim().length() > 64) {
            out.add(new Problem("code", "责任区编号必填，不超过64字 code required, at most 64 characters"));
        } else if (codesInFile.contains(d.code().trim()) || exists(d.code().trim())) {
            out.add(new Problem(
                    "code", "责任区编号已存在 code already exists: " + d.code().trim()));
        }
        if (blank(d.name()) || d.name().trim().length() > 200) {
            out.add(new Problem("name", "名称必填，不超过200字 name required"));
        }
        if (blank(d.partyName()) || d.partyName().trim().length() > 200) {
            out.add(new Problem("partyName", "责任人必填，不超过200字 responsible party required"));
        }
        String creditProblem = CreditCode.problem(d.partyCreditCode());
        if (creditProblem != null) {
            out.add(new Problem("partyCreditCode", creditProblem));
        }
        if (!blank(d.contactPhone()) && !PHONE.matcher(d.contactPhone().trim()).matches()) {
            out.add(new Problem("contactPhone", "联系电话格式不正确 phone must be 5–20 digits"));
        }
        if (!blank(d.address()) && d.address().trim().length() > 300) {
            out.add(new Problem("address", "地址不超过300字 address at most 300 characters"));
        }
        if (!blank(d.overlapReason()) && d.overlapReason().trim().length() > 500) {
            out.add(new Problem("overlapReason", "重叠说明不超过500字 at most 500 characters"));
        }
        ZoneGeometry g;
        try {
            g = ZoneGeometry.parse(d.polygon());
        } catch (IllegalArgumentException e) {
            out.add(new Problem("polygon", e.getMessage()));
            return null;
        }
        Point p = g.interiorPoint();
        Optional<GridLocation> at = grids.locate(p.getY(), p.getX());
        if (at.isEmpty()) {
            out.add(new Problem("polygon", "责任区不在本市网格内 the zone lies outside the city's grids"));
            return null;
        }
        List<String> overlaps = new ArrayList<>(g.overlapping(candidates(g.envelope())));
        overlaps.addAll(g.overlapping(alsoNew));
        if (!overlaps.isEmpty() && blank(d.overlapReason())) {
            out.add(new Problem(
                    "overlapReason",
                    "与责任区（" + String.join("、", overlaps) + "）重叠，须说明理由 overlaps the frontage of zone(s) "
                            + String.join(", ", overlaps) + "; give a reason to allow it"));
        }
        return new Checked(d, g, at.get(), overlaps);
    }

    private long insert(Checked c, boolean synthetic) {
        ZoneDraft d = c.draft();
        Envelope e = c.geometry().envelope();
        Point p = c.geometry().interiorPoint();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_zone (code, name, party_name, party_credit_code, contact_name, contact_phone, address,
                  polygon_wkt, min_lat, max_lat, min_lon, max_lon, lat, lon, area_m2, grid_code, street_code,
                  street_name, district_code, district_name, overlap_codes, overlap_reason, synthetic, created_at)
                VALUES (:code, :name, :party, :credit, :contact, :phone, :address, :wkt, :minLat, :maxLat, :minLon,
                  :maxLon, :lat, :lon, :area, :grid, :street, :streetName, :district, :districtName, :overlaps,
                  :reason, :synthetic, :now)""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("party", d.partyName().trim())
                .param("credit", CreditCode.normalize(d.partyCreditCode()))
                .param("contact", trim(d.contactName()))
                .param("phone", trim(d.contactPhone()))
                .param("address", trim(d.address()))
                .param("wkt", c.geometry().wkt())
                .param("minLat", e.getMinY())
                .param("maxLat", e.getMaxY())
                .param("minLon", e.getMinX())
                .param("maxLon", e.getMaxX())
                .param("lat", p.getY())
                .param("lon", p.getX())
                .param(
                        "area",
                        java.math.BigDecimal.valueOf(c.geometry().areaM2()).setScale(2, java.math.RoundingMode.HALF_UP))
                .param("grid", c.at().gridCode())
                .param("street", c.at().streetCode())
                .param("streetName", c.at().streetName())
                .param("district", c.at().districtCode())
                .param("districtName", c.at().districtName())
                .param("overlaps", c.overlaps().isEmpty() ? null : String.join(",", c.overlaps()))
                .param("reason", c.overlaps().isEmpty() ? null : trim(d.overlapReason()))
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_ZONE",
                String.valueOf(id),
                "CREATE",
                null,
                d.code().trim() + " " + d.partyName().trim() + " " + CreditCode.normalize(d.partyCreditCode())
                        + (c.overlaps().isEmpty()
                                ? ""
                                : " overlaps " + String.join(",", c.overlaps()) + ": "
                                        + d.overlapReason().trim()));
        return id;
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM sf_zone WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Existing zones whose bounding box meets the envelope (the overlap check's candidates; all of the city). */
    private List<ZoneGeometry.Coded> candidates(Envelope e) {
        return jdbc.sql("SELECT code, polygon_wkt FROM sf_zone WHERE min_lat <= :maxLat AND max_lat >= :minLat "
                        + "AND min_lon <= :maxLon AND max_lon >= :minLon")
                .param("minLat", e.getMinY())
                .param("maxLat", e.getMaxY())
                .param("minLon", e.getMinX())
                .param("maxLon", e.getMaxX())
                .query((rs, n) ->
                        new ZoneGeometry.Coded(rs.getString("code"), ZoneGeometry.parse(rs.getString("polygon_wkt"))))
                .list();
    }

    /** One zone in the caller's scope (else 404). */
    public Zone get(long id, StaffMember me) {
        Zone z = jdbc.sql("SELECT * FROM sf_zone WHERE id = :id")
                .param("id", id)
                .query(Zones::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("责任区不存在 zone not found"));
        if (!scope(me).matches(z.gridCode(), null, null)) {
            throw new NotFoundException("责任区不存在 zone not found");
        }
        return z;
    }

    /**
     * The caller's zones, by code, at most 1,000: optionally one party's (统一社会信用代码), one street's, or those
     * whose code, name or party contains {@code q}.
     */
    public List<Zone> list(StaffMember me, String party, String street, String q) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        if (!blank(party)) {
            where += " AND party_credit_code = :party";
            params.put("party", CreditCode.normalize(party));
        }
        if (!blank(street)) {
            where += " AND street_code = :street";
            params.put("street", street.trim());
        }
        if (!blank(q)) {
            where += " AND (LOWER(code) LIKE :q OR name LIKE :q OR party_name LIKE :q)";
            params.put("q", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return jdbc.sql("SELECT * FROM sf_zone WHERE " + where + " ORDER BY code FETCH FIRST 1000 ROWS ONLY")
                .params(params)
                .query(Zones::map)
                .list();
    }

    /** The caller's zones as .xlsx (as {@link #list}, at most 1,000), the import's columns first. */
    public byte[] exportXlsx(StaffMember me) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("门前三包责任区", EXPORT_HEADERS);
            for (Zone z : list(me, null, null, null)) {
                sheet.row(
                        z.code(),
                        z.name(),
                        z.partyName(),
                        z.partyCreditCode(),
                        z.contactName(),
                        z.contactPhone(),
                        z.address(),
                        z.polygon(),
                        z.overlapReason(),
                        z.areaM2(),
                        z.streetName(),
                        z.districtName(),
                        z.overlapCodes(),
                        z.signedAt(),
                        z.postedAt());
            }
            return wb.toBytes();
        }
    }

    /** An empty import template (the import's columns). */
    public byte[] templateXlsx() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("门前三包责任区", HEADERS).text();
            return wb.toBytes();
        }
    }

    /**
     * Imports zones from .xlsx, all or nothing: every row is checked (also against the other rows: a code twice, an
     * overlap between two new zones) and nothing is created unless no row has a problem; each problem names its row
     * and column.
     */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<Checked> ok = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            List<String> names = new ArrayList<>(HEADERS);
            names.addAll(EXPORT_HEADERS);
            NamedHeader header = NamedHeader.find(sheet, names, List.of("责任区编号", "名称", "责任人", "统一社会信用代码", "范围(WKT)"));
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return new ImportReport(0, List.of(new RowError(p.row(), p.column(), p.message())));
            }
            HeaderColumns<String> cols = header.columns();
            List<ZoneGeometry.Coded> fileZones = new ArrayList<>();
            Set<String> fileCodes = new HashSet<>();
            for (DataRow r : header.rowsBelow(UploadedWorkbook.MAX_ROWS)) {
                ZoneDraft d = new ZoneDraft(
                        cell(r, cols, "责任区编号"),
                        cell(r, cols, "名称"),
                        cell(r, cols, "责任人"),
                        cell(r, cols, "统一社会信用代码"),
                        cell(r, cols, "联系人"),
                        cell(r, cols, "联系电话"),
                        cell(r, cols, "地址"),
                        cell(r, cols, "范围(WKT)"),
                        cell(r, cols, "重叠说明"));
                List<Problem> problems = new ArrayList<>();
                Checked c = check(d, fileZones, fileCodes, problems);
                problems.forEach(p -> errors.add(new RowError(r.number(), FIELD_COLUMNS.get(p.field()), p.message())));
                if (!blank(d.code())) {
                    fileCodes.add(d.code().trim());
                }
                if (c != null) {
                    fileZones.add(new ZoneGeometry.Coded(
                            d.code() == null ? "" : d.code().trim(), c.geometry()));
                    ok.add(c);
                }
            }
        }
        if (ok.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new ImportReport(0, errors);
        }
        ok.forEach(c -> insert(c, false));
        audit.record("SF_ZONE", "import", "IMPORT", null, ok.size() + " zones");
        return new ImportReport(ok.size(), List.of());
    }

    private static String cell(DataRow r, HeaderColumns<String> cols, String name) {
        Integer i = cols.of(name);
        return i == null ? null : r.textOrNull(i);
    }

    void signed(long id, String method, String signer, java.time.Instant at) {
        jdbc.sql("UPDATE sf_zone SET signed_at = :at, sign_method = :m, signer_name = :s, posted_at = NULL "
                        + "WHERE id = :id")
                .param("at", DbTime.toDb(at))
                .param("m", method)
                .param("s", signer)
                .param("id", id)
                .update();
    }

    void posted(long id, java.time.Instant at) {
        jdbc.sql("UPDATE sf_zone SET posted_at = :at WHERE id = :id")
                .param("at", DbTime.toDb(at))
                .param("id", id)
                .update();
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    static Zone map(ResultSet rs, int n) throws SQLException {
        return new Zone(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("party_name"),
                rs.getString("party_credit_code"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("address"),
                rs.getString("polygon_wkt"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getDouble("area_m2"),
                rs.getString("grid_code"),
                rs.getString("street_code"),
                rs.getString("street_name"),
                rs.getString("district_code"),
                rs.getString("district_name"),
                rs.getString("overlap_codes"),
                rs.getString("overlap_reason"),
                DbTime.fromDb(rs.getObject("signed_at", OffsetDateTime.class)),
                rs.getString("sign_method"),
                rs.getString("signer_name"),
                DbTime.fromDb(rs.getObject("posted_at", OffsetDateTime.class)));
    }
}
