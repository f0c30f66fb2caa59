package org.cityops.sanitation.ledger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
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
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.coverage.LocalFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The road-segment ledger (道路清扫保洁台账): create, list (in the caller's data scope: a segment belongs to the
 * district its middle lies in), import from GeoJSON or .xlsx (all or nothing, every problem named by row and
 * field), export to .xlsx. Every change is audited and makes the coverage engine reload.
 */
@Service
public class Segments {

    /** A problem of an import: row (Excel row number, or GeoJSON feature number from 1) and field. */
    public record RowError(int row, String field, String message) {}

    public record ImportReport(int imported, List<RowError> errors) {}

    static final List<String> HEADERS = List.of("编码", "名称", "道路等级", "车行道宽度(米)", "单向", "标段", "作业单位", "WKT");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    private static final String OUTSIDE_AREA = "路段不在您的管辖范围内 segment outside your area";

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SegmentRules rules;

    Segments(JdbcClient jdbc, GridLocator grids, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = new SegmentRules((lat, lon) -> grids.locate(lat, lon).isPresent(), LocalFrame.changzhou());
    }

    public List<Segment> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM san_segment WHERE " + where + " ORDER BY code")
                .params(params)
                .query(Segments::map)
                .list();
    }

    /** Every segment, without scope (the coverage engine, reports that apply scope themselves). */
    public List<Segment> all() {
        return jdbc.sql("SELECT * FROM san_segment ORDER BY id")
                .query(Segments::map)
                .list();
    }

    public Segment get(long id, StaffMember me) {
        Segment s = jdbc.sql("SELECT * FROM san_segment WHERE id = :id")
                .param("id", id)
                .query(Segments::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("路段不存在 segment not found"));
        if (!scope(me).matches(s.districtCode(), null, null)) {
            throw new NotFoundException("路段不存在 segment not found");
        }
        return s;
    }

    /** Creates one segment; a problem is a 400 naming the field. */
    @Transactional
    public Segment create(SegmentDraft draft, StaffMember me, boolean synthetic) {
        List<SegmentRules.Problem> problems = rules.problems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        if (exists(draft.code().trim())) {
            throw new InvalidInputException("编码已存在 code already exists: " + draft.code(), "code");
        }
        SegmentRules.Checked checked = rules.check(draft);
        if (!scope(me).matches(districtOf(checked), null, null)) {
            throw new InvalidInputException(OUTSIDE_AREA, "wkt");
        }
        long id = insert(checked, synthetic);
        audit.record("SAN_SEGMENT", String.valueOf(id), "CREATE", null, draft.code() + " " + draft.name());
        events.publishEvent(new LedgerChanged("segment"));
        return get(id, StaffMember.SYSTEM);
    }

    /** Imports a GeoJSON FeatureCollection of LineStrings (properties as the .xlsx columns, see docs). */
    @Transactional
    public ImportReport importGeoJson(String json, StaffMember me) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return new ImportReport(0, List.of(new RowError(0, "file", "不是合法的 GeoJSON invalid JSON")));
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "没有要素 no features in a FeatureCollection")));
        }
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode f : features) {
            n++;
            JsonNode p = f.path("properties");
            String wkt = lineWkt(f.path("geometry"));
            if (wkt == null) {
                errors.add(new RowError(n, "geometry", "几何须为 LineString geometry must be a LineString"));
                continue;
            }
            rows.add(new Row(
                    n,
                    new SegmentDraft(
                            text(p, "code"),
                            text(p, "name"),
                            text(p, "grade"),
                            p.path("widthM").isNumber() ? p.path("widthM").asDouble() : null,
                            p.path("oneWay").asBoolean(false),
                            text(p, "section"),
                            text(p, "company"),
                            wkt)));
        }
        return apply(rows, errors, me, "GEOJSON");
    }

    /** Imports the .xlsx of {@link #HEADERS} (the export's form); WKT in the last column. */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            Optional<DataRow> header = sheet.header();
            if (header.isEmpty()) {
                return new ImportReport(0, List.of(new RowError(0, "file", "没有表头 no header row")));
            }
            Map<String, String> names = new HashMap<>();
            HEADERS.forEach(h -> names.put(h, h));
            HeaderColumns<String> cols = HeaderColumns.match(header.get(), names);
            List<String> missing = cols.missing(HEADERS);
            if (!missing.isEmpty()) {
                return new ImportReport(
                        0, List.of(new RowError(header.get().number(), "header", "缺少列 missing columns " + missing)));
            }
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : sheet.dataRowsBelow(header.get(), UploadedWorkbook.MAX_ROWS)) {
                java.math.BigDecimal width = r.decimal(cols.of("车行道宽度(米)"), "widthM", sheetErrors);
                String oneWay = r.textOrNull(cols.of("单向"));
                rows.add(new Row(
                        r.number(),
                        new SegmentDraft(
                                r.textOrNull(cols.of("编码")),
                                r.textOrNull(cols.of("名称")),
                                r.textOrNull(cols.of("道路等级")),
                                width == null ? null : width.doubleValue(),
                                oneWay != null && Boolean.TRUE.equals(DataRow.yesNo(oneWay)),
                                r.textOrNull(cols.of("标段")),
                                r.textOrNull(cols.of("作业单位")),
                                r.textOrNull(cols.of("WKT")))));
            }
            errors.addAll(sheetErrors.map(e -> new RowError(e.row() == null ? 0 : e.row(), e.column(), e.message())));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        return apply(rows, errors, me, "XLSX");
    }

    /** The caller's segments as .xlsx, in the import's form. */
    public byte[] exportXlsx(StaffMember me) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("道路清扫保洁台账", HEADERS);
            for (Segment s : list(me)) {
                sheet.row(
                        s.code(), s.name(), s.gradeLabel(), s.widthM(), s.oneWay(), s.section(), s.company(), s.wkt());
            }
            return wb.toBytes();
        }
    }

    private record Row(int number, SegmentDraft draft) {}

    private ImportReport apply(List<Row> rows, List<RowError> errors, StaffMember me, String how) {
        Set<String> codes = new HashSet<>();
        List<SegmentRules.Checked> checked = new ArrayList<>();
        for (Row r : rows) {
            List<SegmentRules.Problem> problems = rules.problems(r.draft());
            problems.forEach(p -> errors.add(new RowError(r.number(), p.field(), p.message())));
            String code = r.draft().code() == null ? null : r.draft().code().trim();
            if (code != null && !code.isEmpty()) {
                if (!codes.add(code)) {
                    errors.add(new RowError(r.number(), "code", "文件中编码重复 duplicate code in the file: " + code));
                } else if (exists(code)) {
                    errors.add(new RowError(r.number(), "code", "编码已存在 code already exists: " + code));
                }
            }
            if (problems.isEmpty()) {
                SegmentRules.Checked c = rules.check(r.draft());
                if (scope(me).matches(districtOf(c), null, null)) {
                    checked.add(c);
                } else {
                    errors.add(new RowError(r.number(), "wkt", OUTSIDE_AREA));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new ImportReport(0, errors);
        }
        for (SegmentRules.Checked c : checked) {
            insert(c, false);
        }
        audit.record("SAN_SEGMENT", "import", "IMPORT_" + how, null, checked.size() + " segments by " + me.username());
        events.publishEvent(new LedgerChanged("segments"));
        return new ImportReport(checked.size(), List.of());
    }

    /** The district of a segment: the grid cell at the line's middle. */
    private String districtOf(SegmentRules.Checked c) {
        Coordinate mid = c.line().getInteriorPoint().getCoordinate();
        return grids.locate(mid.y, mid.x).map(GridLocation::districtCode).orElse(null);
    }

    private long insert(SegmentRules.Checked c, boolean synthetic) {
        SegmentDraft d = c.draft();
        String district = districtOf(c);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_segment (code, name, grade, width_m, length_m, area_m2, one_way, section, company,
                  district_code, synthetic, wkt, created_at)
                VALUES (:code, :name, :grade, :width, :length, :area, :oneWay, :section, :company, :district,
                  :synthetic, :wkt, :now)""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("grade", c.grade().name())
                .param("width", round(d.widthM()))
                .param("length", round(c.lengthM()))
                .param("area", round(c.areaM2()))
                .param("oneWay", Boolean.TRUE.equals(d.oneWay()))
                .param("section", blankToNull(d.section()))
                .param("company", blankToNull(d.company()))
                .param("district", district)
                .param("synthetic", synthetic)
                .param("wkt", c.line().toText())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM san_segment WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private static String lineWkt(JsonNode g) {
        if (!"LineString".equals(g.path("type").asString(""))) {
            return null;
        }
        JsonNode cs = g.path("coordinates");
        if (!cs.isArray()) {
            return null;
        }
        List<Coordinate> out = new ArrayList<>();
        for (JsonNode c : cs) {
            if (!c.isArray()
                    || c.size() < 2
                    || !c.get(0).isNumber()
                    || !c.get(1).isNumber()) {
                return null;
            }
            out.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble()));
        }
        if (out.size() < 2) {
            return "LINESTRING EMPTY";
        }
        return new GeometryFactory()
                .createLineString(out.toArray(Coordinate[]::new))
                .toText();
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Segment map(ResultSet rs, int n) throws SQLException {
        RoadGrade grade = RoadGrade.valueOf(rs.getString("grade"));
        return new Segment(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                grade,
                grade.label(),
                rs.getDouble("width_m"),
                rs.getDouble("length_m"),
                rs.getDouble("area_m2"),
                rs.getBoolean("one_way"),
                rs.getString("section"),
                rs.getString("company"),
                rs.getString("district_code"),
                rs.getBoolean("synthetic"),
                rs.getString("wkt"));
    }
}
