package org.cityops.streetfront.parking;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 停放区 and 禁停区: create (validated, placed in the grid, street and district of the line's midpoint or the
 * zone's centre for data scope), list and the map's bounding-box query in the caller's scope, .xlsx import (all or
 * nothing) and export in the same columns. Every change is audited.
 *
 * <p>Over 400 lines: the ledger of parking areas and no-parking zones with its .xlsx import and export; the import (≈ 90 lines)
 * should move to its own class, as {@code FacilityImport} did for signs (to do).
 */
@Service
public class ParkingAreas {

    /** Largest answer of one bounding-box query. */
    public static final int BBOX_LIMIT = 5_000;

    static final ScopeColumns COLUMNS = new ScopeColumns("grid_code", "district_code", "street_code", null, null);

    /** The spreadsheet's columns, in order: the export writes them, the import finds them by name. */
    public static final List<String> HEADERS = List.of("编号", "名称", "停放线(WKT)", "进深(米)", "容量(辆)", "长度(米)", "区", "当前数量");

    static final int MAX_IMPORT_ROWS = 5_000;

    /** One area to create. {@code depthM} and {@code capacity} may be null (2 m; ⌊length / 0.6 m⌋). */
    public record AreaDraft(String code, String name, String lineWkt, Double depthM, Integer capacity) {}

    public record ImportReport(int imported, List<SheetError> errors) {}

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;

    ParkingAreas(JdbcClient jdbc, GridLocator grids, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
    }

    /** A checked draft: the parsed line and where its midpoint lies. */
    private record Checked(
            AreaDraft draft, LineString line, double lengthM, double depthM, int capacity, GridLocation at) {}

    /** Creates one area; a problem is a 400 naming the field. */
    @Transactional
    public ParkingArea create(AreaDraft d, StaffMember me, boolean synthetic) {
        Object c = check(d);
        if (c instanceof ParkingGeometry.Problem p) {
            throw new InvalidInputException(p.message(), p.field());
        }
        if (exists("sf_park_area", d.code().trim())) {
            throw new InvalidInputException(
                    "停放区编号已存在 code already exists: " + d.code().trim(), "code");
        }
        long id = insert((Checked) c, synthetic);
        audit.record(
                "SF_PARK_AREA",
                String.valueOf(id),
                "CREATE",
                null,
                d.code().trim() + " " + d.name().trim());
        return get(id, StaffMember.SYSTEM);
    }

    private Object check(AreaDraft d) {
        if (d.code() == null || d.code().isBlank() || d.code().trim().length() > 64) {
            return new ParkingGeometry.Problem("code", "编号必填（不超过64字符） code required, at most 64 characters");
        }
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 200) {
            return new ParkingGeometry.Problem("name", "名称必填（不超过200字符） name required");
        }
        ParkingGeometry.Parsed<LineString> parsed = ParkingGeometry.line(d.lineWkt(), "lineWkt");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        LineString line = parsed.geometry();
        double depth = d.depthM() == null ? 2.0 : d.depthM();
        if (depth < 0.5 || depth > 10) {
            return new ParkingGeometry.Problem("depthM", "进深须在0.5至10米之间 depth must be 0.5–10 m");
        }
        double length = ParkingGeometry.lengthM(line);
        int capacity = d.capacity() == null ? ParkingRules.defaultCapacity(length) : d.capacity();
        if (capacity < 1 || capacity > 10_000) {
            return new ParkingGeometry.Problem("capacity", "容量须在1至10000辆之间 capacity must be 1–10000");
        }
        Coordinate mid = ParkingGeometry.midpoint(line);
        Optional<GridLocation> at = grids.locate(mid.y, mid.x);
        if (at.isEmpty()) {
            return new ParkingGeometry.Problem("lineWkt", "停放线不在本市网格内 line lies outside the city's grids");
        }
        return new Checked(d, line, length, depth, capacity, at.get());
    }

    private long insert(Checked c, boolean synthetic) {
        Envelope e = c.line().getEnvelopeInternal();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_park_area (code, name, line_wkt, length_m, depth_m, capacity, min_lon, min_lat, max_lon,
                  max_lat, grid_code, street_code, district_code, synthetic, created_at)
                VALUES (:code, :name, :wkt, :len, :depth, :cap, :minLon, :minLat, :maxLon, :maxLat, :grid, :street,
                  :district, :synthetic, :now)""")
                .param("code", c.draft().code().trim())
                .param("name", c.draft().name().trim())
                .param("wkt", c.line().toText())
                .param("len", BigDecimal.valueOf(c.lengthM()).setScale(1, RoundingMode.HALF_UP))
                .param("depth", BigDecimal.valueOf(c.depthM()).setScale(2, RoundingMode.HALF_UP))
                .param("cap", c.capacity())
                .param("minLon", e.getMinX())
                .param("minLat", e.getMinY())
                .param("maxLon", e.getMaxX())
                .param("maxLat", e.getMaxY())
                .param("grid", c.at().gridCode())
                .param("street", c.at().streetCode())
                .param("district", c.at().districtCode())
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** An edit of an area: everything but its code (the operators' {@code areaCode}); null depth/capacity as for a draft. */
    public record AreaEdit(String name, String lineWkt, Double depthM, Integer capacity) {}

    /**
     * Edits one area in the caller's scope (else 404): name, line, depth and capacity are checked as on creation and
     * written together or not at all; a problem is a 400 naming the field. A line moved out of the caller's scope is
     * refused on {@code lineWkt}. Audited {@code SF_PARK_AREA UPDATE} with the values before and after. The occupancy
     * and an open overflow alert are judged again at the area's next count.
     */
    @Transactional
    public ParkingArea update(long id, AreaEdit edit, StaffMember me) {
        ParkingArea before = get(id, me);
        Object c = check(new AreaDraft(before.code(), edit.name(), edit.lineWkt(), edit.depthM(), edit.capacity()));
        if (c instanceof ParkingGeometry.Problem p) {
            throw new InvalidInputException(p.message(), p.field());
        }
        Checked k = (Checked) c;
        if (!scope(me).matches(k.at().gridCode(), null, null)) {
            throw new InvalidInputException("停放线移出了您的管辖范围 the line would leave your area", "lineWkt");
        }
        Envelope e = k.line().getEnvelopeInternal();
        jdbc.sql("""
                UPDATE sf_park_area SET name = :name, line_wkt = :wkt, length_m = :len, depth_m = :depth, capacity = :cap,
                  min_lon = :minLon, min_lat = :minLat, max_lon = :maxLon, max_lat = :maxLat, grid_code = :grid,
                  street_code = :street, district_code = :district WHERE id = :id""")
                .param("name", edit.name().trim())
                .param("wkt", k.line().toText())
                .param("len", BigDecimal.valueOf(k.lengthM()).setScale(1, RoundingMode.HALF_UP))
                .param("depth", BigDecimal.valueOf(k.depthM()).setScale(2, RoundingMode.HALF_UP))
                .param("cap", k.capacity())
                .param("minLon", e.getMinX())
                .param("minLat", e.getMinY())
                .param("maxLon", e.getMaxX())
                .param("maxLat", e.getMaxY())
                .param("grid", k.at().gridCode())
                .param("street", k.at().streetCode())
                .param("district", k.at().districtCode())
                .param("id", id)
                .update();
        ParkingArea after = get(id, StaffMember.SYSTEM);
        audit.record("SF_PARK_AREA", String.valueOf(id), "UPDATE", summary(before), summary(after));
        return after;
    }

    private static String summary(ParkingArea a) {
        return a.code() + " " + a.name() + " · " + a.lengthM() + " m · depth " + a.depthM() + " m · cap " + a.capacity()
                + " · " + a.districtCode() + " · "
                + (a.lineWkt().length() > 1500 ? a.lineWkt().substring(0, 1500) + "…" : a.lineWkt());
    }

    /** Creates one 禁停区 (a valid polygon of at most 1 km² whose centre lies in the city). */
    @Transactional
    public NoParkingZone createZone(String code, String name, String polygonWkt, StaffMember me, boolean synthetic) {
        if (code == null || code.isBlank() || code.trim().length() > 64) {
            throw new InvalidInputException("编号必填 code required", "code");
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw new InvalidInputException("名称必填 name required", "name");
        }
        ParkingGeometry.Parsed<Polygon> parsed = ParkingGeometry.polygon(polygonWkt, "polygonWkt");
        if (parsed.problem() != null) {
            throw new InvalidInputException(
                    parsed.problem().message(), parsed.problem().field());
        }
        Coordinate centre = parsed.geometry().getInteriorPoint().getCoordinate();
        GridLocation at = grids.locate(centre.y, centre.x)
                .orElseThrow(() -> new InvalidInputException("禁停区不在本市网格内 zone lies outside the city", "polygonWkt"));
        if (exists("sf_park_nozone", code.trim())) {
            throw new InvalidInputException("禁停区编号已存在 code already exists", "code");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_park_nozone (code, name, polygon_wkt, area_m2, grid_code, street_code, district_code,
                  synthetic, created_at) VALUES (:code, :name, :wkt, :area, :grid, :street, :district, :synthetic, :now)""")
                .param("code", code.trim())
                .param("name", name.trim())
                .param("wkt", parsed.geometry().toText())
                .param(
                        "area",
                        BigDecimal.valueOf(ParkingGeometry.areaM2(parsed.geometry()))
                                .setScale(1, RoundingMode.HALF_UP))
                .param("grid", at.gridCode())
                .param("street", at.streetCode())
                .param("district", at.districtCode())
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("SF_PARK_ZONE", String.valueOf(id), "CREATE", null, code.trim() + " " + name.trim());
        return zones(StaffMember.SYSTEM).stream()
                .filter(z -> z.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public ParkingArea get(long id, StaffMember me) {
        ParkingArea a = jdbc.sql("SELECT * FROM sf_park_area WHERE id = :id")
                .param("id", id)
                .query(ParkingAreas::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("停放区不存在 parking area not found"));
        if (!scope(me).matches(a.gridCode(), null, null)) {
            throw new NotFoundException("停放区不存在 parking area not found");
        }
        return a;
    }

    /** The caller's areas, overflowing first, then by code; at most 2,000. */
    public List<ParkingArea> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM sf_park_area WHERE " + where
                        + " ORDER BY CASE WHEN occupancy > capacity THEN 0 ELSE 1 END, code FETCH FIRST 2000 ROWS ONLY")
                .params(params)
                .query(ParkingAreas::map)
                .list();
    }

    /** The map's query: the caller's areas whose box meets the bounding box, at most {@link #BBOX_LIMIT}. */
    public List<ParkingArea> inBox(StaffMember me, double minLon, double minLat, double maxLon, double maxLat) {
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
        return jdbc.sql("SELECT * FROM sf_park_area WHERE min_lat <= :maxLat AND max_lat >= :minLat AND min_lon <= "
                        + ":maxLon AND max_lon >= :minLon AND " + where + " ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .query(ParkingAreas::map)
                .list();
    }

    /** The caller's 禁停区. */
    public List<NoParkingZone> zones(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM sf_park_nozone WHERE " + where + " ORDER BY code FETCH FIRST 5000 ROWS ONLY")
                .params(params)
                .query((rs, n) -> new NoParkingZone(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("polygon_wkt"),
                        rs.getDouble("area_m2"),
                        rs.getString("district_code"),
                        rs.getBoolean("synthetic")))
                .list();
    }

    /** Every area and zone of the city, for the published feed (no scope: it is public data). */
    List<ParkingArea> allAreas() {
        return jdbc.sql("SELECT * FROM sf_park_area ORDER BY id")
                .query(ParkingAreas::map)
                .list();
    }

    /** Total length (m) and count of the caller's areas. */
    public record Totals(long areas, double lengthM, long capacity, long overflowing) {}

    public Totals totals(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT COUNT(*) n, COALESCE(SUM(length_m), 0) len, COALESCE(SUM(capacity), 0) cap, "
                        + "COALESCE(SUM(CASE WHEN occupancy > capacity THEN 1 ELSE 0 END), 0) ov FROM sf_park_area WHERE "
                        + where)
                .params(params)
                .query((rs, n) -> new Totals(rs.getLong("n"), rs.getDouble("len"), rs.getLong("cap"), rs.getLong("ov")))
                .single();
    }

    /** Stores an area's occupancy (from {@link ParkingCounts}). */
    void setOccupancy(long id, Integer occupancy, Instant at) {
        jdbc.sql("UPDATE sf_park_area SET occupancy = :o, occupancy_at = :at WHERE id = :id")
                .param("o", occupancy)
                .param("at", DbTime.toDb(at))
                .param("id", id)
                .update();
    }

    /** Imports the .xlsx of {@link #HEADERS} (编号, 名称, 停放线 required), all or nothing. */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        SheetErrors errors = new SheetErrors();
        List<Checked> rows = new ArrayList<>();
        String sheetName;
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            sheetName = sheet.name();
            Optional<DataRow> header = sheet.header();
            if (header.isEmpty()) {
                return new ImportReport(0, List.of(new SheetError(sheetName, null, "file", "没有表头 no header row")));
            }
            Map<String, String> names = new HashMap<>();
            HEADERS.forEach(h -> names.put(h, h));
            HeaderColumns<String> cols = HeaderColumns.match(header.get(), names);
            List<String> missing = cols.missing(List.of("编号", "名称", "停放线(WKT)"));
            if (!missing.isEmpty()) {
                return new ImportReport(
                        0,
                        List.of(new SheetError(
                                sheetName, header.get().number(), missing.get(0), "缺少列 missing columns " + missing)));
            }
            Set<String> codes = new HashSet<>();
            for (DataRow r : sheet.dataRowsBelow(header.get(), MAX_IMPORT_ROWS)) {
                BigDecimal depth = cols.of("进深(米)") == null ? null : r.decimal(cols.of("进深(米)"), "进深(米)", errors);
                Integer cap = cols.of("容量(辆)") == null ? null : r.integer(cols.of("容量(辆)"), "容量(辆)", errors);
                AreaDraft d = new AreaDraft(
                        r.textOrNull(cols.of("编号")),
                        r.textOrNull(cols.of("名称")),
                        r.textOrNull(cols.of("停放线(WKT)")),
                        depth == null ? null : depth.doubleValue(),
                        cap);
                Object c = check(d);
                if (c instanceof ParkingGeometry.Problem p) {
                    errors.add(r, COLUMN_OF.getOrDefault(p.field(), p.field()), p.message());
                    continue;
                }
                String code = d.code().trim();
                if (!codes.add(code)) {
                    errors.add(r, "编号", "文件中编号重复 duplicate code in the file");
                } else if (exists("sf_park_area", code)) {
                    errors.add(r, "编号", "停放区编号已存在 code already exists");
                }
                rows.add((Checked) c);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new SheetError(sheetName, null, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            List<SheetError> list = new ArrayList<>(errors.list());
            list.sort(Comparator.comparingInt(e -> e.row() == null ? 0 : e.row().intValue()));
            return new ImportReport(0, list);
        }
        for (Checked c : rows) {
            insert(c, false);
        }
        audit.record("SF_PARK_AREA", "import", "IMPORT_XLSX", null, rows.size() + " areas by " + me.username());
        return new ImportReport(rows.size(), List.of());
    }

    private static final Map<String, String> COLUMN_OF =
            Map.of("code", "编号", "name", "名称", "lineWkt", "停放线(WKT)", "depthM", "进深(米)", "capacity", "容量(辆)");

    /** The caller's areas as .xlsx, in the import's columns (length, district and count are read-only). */
    public byte[] exportXlsx(StaffMember me) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("非机动车停放区", HEADERS);
            for (ParkingArea a : list(me)) {
                sheet.row(
                        a.code(),
                        a.name(),
                        a.lineWkt(),
                        a.depthM(),
                        a.capacity(),
                        a.lengthM(),
                        a.districtCode(),
                        a.occupancy());
            }
            return wb.toBytes();
        }
    }

    private boolean exists(String table, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    static ParkingArea map(ResultSet rs, int n) throws SQLException {
        int cap = rs.getInt("capacity");
        Integer occ = (Integer) rs.getObject("occupancy", Integer.class);
        return new ParkingArea(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("line_wkt"),
                rs.getDouble("length_m"),
                rs.getDouble("depth_m"),
                cap,
                rs.getString("grid_code"),
                rs.getString("street_code"),
                rs.getString("district_code"),
                occ,
                DbTime.fromDb(rs.getObject("occupancy_at", java.time.OffsetDateTime.class)),
                ParkingRules.overflowing(occ, cap),
                rs.getBoolean("synthetic"));
    }
}
