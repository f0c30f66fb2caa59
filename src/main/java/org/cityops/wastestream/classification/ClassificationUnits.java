package org.cityops.wastestream.classification;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.NamedHeader;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.wastestream.ImportReport;
import org.cityops.wastestream.RowError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classification ledger (生活垃圾分类): units located in a grid (district; urban or rural by district), their
 * bins per GB/T 19095-2019 class, inspections, and the coverage rate per district and per urban/rural against the
 * targets ({@link CoverageRule}). Lists are scoped by district ({@code RecordKind.AREA}); every change is audited.
 *
 * <p>Over 400 lines: units, inspections and coverage in one scoped service; the .xlsx import repeats the producers' import loop
 * and should share a row reader in {@code platform.excel} (to do).
 */
@Service
public class ClassificationUnits {

    public record Filter(String district, UnitKind kind, Boolean covered) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    public record Inspection(
            long id,
            long unitId,
            LocalDate inspectedOn,
            Map<WasteClass, Finding> findings,
            String note,
            String inspector) {}

    public record Coverage(List<CoverageRow> areas, List<CoverageRow> districts) {}

    public static final List<String> HEADERS =
            List.of("编号", "名称", "类型", "地址", "纬度", "经度", "可回收物(个)", "有害垃圾(个)", "厨余垃圾(个)", "其他垃圾(个)", "区域");

    /** The columns an import must have; 区域 (建成区 or 农村) may be left out (= 建成区). */
    static final List<String> REQUIRED = HEADERS.subList(0, HEADERS.size() - 1);

    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("code", "编号"),
            Map.entry("name", "名称"),
            Map.entry("kind", "类型"),
            Map.entry("address", "地址"),
            Map.entry("lat", "纬度"),
            Map.entry("lon", "经度"),
            Map.entry("recyclable", "可回收物(个)"),
            Map.entry("hazardous", "有害垃圾(个)"),
            Map.entry("kitchen", "厨余垃圾(个)"),
            Map.entry("other", "其他垃圾(个)"),
            Map.entry("rural", "区域"));

    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    static final int MAX_IMPORT_ROWS = 50_000;

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;
    private final UnitRules rules;
    private final Set<String> countyDistricts;
    private final BigDecimal builtUpTarget;
    private final BigDecimal ruralTarget;

    ClassificationUnits(
            JdbcClient jdbc,
            GridLocator grids,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.wastestream.classification.county-districts:320481}") String countyDistricts,
            @Value("${cityops.wastestream.classification.built-up-target:80}") BigDecimal builtUpTarget,
            @Value("${cityops.wastestream.classification.rural-target:50}") BigDecimal ruralTarget) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.rules = new UnitRules((lat, lon) -> grids.locate(lat, lon).isPresent());
        this.countyDistricts = Arrays.stream(countyDistricts.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.builtUpTarget = builtUpTarget;
        this.ruralTarget = ruralTarget;
    }

    public BigDecimal target(AreaType type) {
        return type == AreaType.RURAL ? ruralTarget : builtUpTarget;
    }

    public AreaType areaTypeOf(String districtCode, boolean rural) {
        return AreaType.of(districtCode != null && countyDistricts.contains(districtCode), rural);
    }

    /** The caller's units, filtered, with their latest inspection and coverage. */
    public List<ClassificationUnit> list(Filter f, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(me).sql(COLUMNS, params));
        if (f.district() != null && !f.district().isBlank()) {
            where.append(" AND district_code = :district");
            params.put("district", f.district());
        }
        if (f.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", f.kind().name());
        }
        Map<Long, Inspection> latest = latestInspections();
        List<ClassificationUnit> out = new ArrayList<>();
        jdbc.sql("SELECT * FROM wsc_unit WHERE " + where + " ORDER BY district_code, code")
                .params(params)
                .query((rs, n) -> map(rs, latest))
                .list()
                .forEach(u -> {
                    if (f.covered() == null || f.covered() == u.covered()) {
                        out.add(u);
                    }
                });
        return out;
    }

    public ClassificationUnit get(long id, StaffMember me) {
        ClassificationUnit u = jdbc.sql("SELECT * FROM wsc_unit WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs, latestInspections()))
                .optional()
                .orElseThrow(ClassificationUnits::notFound);
        if (!scope(me).matches(u.districtCode(), null, null)) {
            throw notFound();
        }
        return u;
    }

    @Transactional
    public ClassificationUnit create(UnitDraft draft, StaffMember me) {
        List<UnitRules.Problem> problems = rules.problems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        if (codeExists(draft.code().trim())) {
            throw new InvalidInputException("编号已登记 code already in the ledger", "code");
        }
        long id = insert(draft);
        audit.record(
                "WSC_UNIT",
                String.valueOf(id),
                "CREATE",
                null,
                draft.code().trim() + " " + draft.name().trim());
        return get(id, StaffMember.SYSTEM);
    }

    /** Records an inspection of a unit in the caller's scope; every class needs a finding. */
    @Transactional
    public Inspection inspect(
            long unitId, LocalDate day, Map<WasteClass, Finding> findings, String note, StaffMember me) {
        get(unitId, me);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        if (day == null || day.isAfter(today)) {
            throw new InvalidInputException("检查日期必填且不能晚于今天 inspection day required, not in the future", "day");
        }
        for (WasteClass c : WasteClass.values()) {
            if (findings == null || findings.get(c) == null) {
                throw new InvalidInputException(
                        "每一类都须填写检查结果 a finding is required for " + c.label(), UnitRules.field(c));
            }
        }
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("备注不超过500字符 note at most 500 characters", "note");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wsc_inspection (unit_id, inspected_on, recyclable, hazardous, kitchen, other, note,
                  inspector, created_at)
                VALUES (:u, :d, :r, :h, :k, :o, :note, :by, :now)""")
                .param("u", unitId)
                .param("d", day)
                .param("r", findings.get(WasteClass.RECYCLABLE).name())
                .param("h", findings.get(WasteClass.HAZARDOUS).name())
                .param("k", findings.get(WasteClass.KITCHEN).name())
                .param("o", findings.get(WasteClass.OTHER).name())
                .param("note", note == null || note.isBlank() ? null : note.trim())
                .param("by", me.username())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "WSC_INSPECTION",
                String.valueOf(id),
                "CREATE",
                null,
                "unit " + unitId + " " + day + " "
                        + findings.values().stream().map(Finding::label).collect(Collectors.joining("/")));
        return new Inspection(id, unitId, day, new EnumMap<>(findings), note, me.username());
    }

    /** A unit's inspections, newest first. */
    public List<Inspection> inspections(long unitId, StaffMember me) {
        get(unitId, me);
        return jdbc.sql("SELECT * FROM wsc_inspection WHERE unit_id = :u ORDER BY inspected_on DESC, id DESC")
                .param("u", unitId)
                .query(ClassificationUnits::inspection)
                .list();
    }

    /** Coverage per area type (URBAN, RURAL) and per district, in the caller's scope. */
    public Coverage coverage(StaffMember me) {
        Map<String, long[]> byDistrict = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Map<AreaType, long[]> byArea = new EnumMap<>(AreaType.class);
        for (ClassificationUnit u : list(Filter.ALL, me)) {
            String d = u.districtCode() == null ? "" : u.districtCode();
            names.putIfAbsent(d, u.districtName());
            add(byDistrict.computeIfAbsent(d, k -> new long[3]), u);
            add(byArea.computeIfAbsent(u.areaType(), k -> new long[3]), u);
        }
        List<CoverageRow> areas = new ArrayList<>();
        for (AreaType t : AreaType.values()) {
            long[] c = byArea.getOrDefault(t, new long[3]);
            areas.add(row(t.name(), null, t, c));
        }
        List<CoverageRow> districts = new ArrayList<>();
        byDistrict.forEach((d, c) -> districts.add(row(d, names.get(d), areaTypeOf(d, false), c)));
        return new Coverage(areas, districts);
    }

    private CoverageRow row(String key, String name, AreaType t, long[] c) {
        BigDecimal rate = CoverageRule.ratePercent(c[1], c[0]);
        BigDecimal target = target(t);
        return new CoverageRow(key, name, t, c[0], c[1], c[2], rate, target, CoverageRule.meets(rate, target));
    }

    private static void add(long[] c, ClassificationUnit u) {
        c[0]++;
        if (u.covered()) {
            c[1]++;
        }
        if (u.mixed()) {
            c[2]++;
        }
    }

    /** Imports the .xlsx of {@link #HEADERS}, all or nothing; every problem names the Excel row and the column. */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            NamedHeader header = NamedHeader.findNamingMissing(sheet, HEADERS, REQUIRED);
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return new ImportReport(0, List.of(RowError.of(p)));
            }
            HeaderColumns<String> cols = header.columns();
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : header.rowsBelow(MAX_IMPORT_ROWS)) {
                BigDecimal lat = r.decimal(cols.of("纬度"), "纬度", sheetErrors);
                BigDecimal lon = r.decimal(cols.of("经度"), "经度", sheetErrors);
                Integer[] n = new Integer[4];
                for (WasteClass c : WasteClass.values()) {
                    n[c.ordinal()] = r.integer(cols.of(c.column()), c.column(), sheetErrors);
                }
                Integer areaCol = cols.of("区域");
                Optional<Boolean> area = areaCol == null ? Optional.of(false) : rural(r.textOrNull(areaCol));
                if (area.isEmpty()) {
                    errors.add(new RowError(r.number(), "区域", "区域须为 建成区 或 农村 must be 建成区 or 农村"));
                }
                boolean rural = area.orElse(false);
                rows.add(new Row(
                        r.number(),
                        new UnitDraft(
                                r.textOrNull(cols.of("编号")),
                                r.textOrNull(cols.of("名称")),
                                r.textOrNull(cols.of("类型")),
                                r.textOrNull(cols.of("地址")),
                                lat == null ? null : lat.doubleValue(),
                                lon == null ? null : lon.doubleValue(),
                                n[0],
                                n[1],
                                n[2],
                                n[3],
                                rural)));
            }
            errors.addAll(sheetErrors.map(RowError::of));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        Set<String> codes = new HashSet<>();
        Set<String> known = new HashSet<>(
                jdbc.sql("SELECT code FROM wsc_unit").query(String.class).list());
        for (Row r : rows) {
            for (UnitRules.Problem p : rules.problems(r.draft())) {
                errors.add(new RowError(r.number(), COLUMN_OF.get(p.field()), p.message()));
            }
            String code = r.draft().code() == null ? "" : r.draft().code().trim();
            if (!code.isEmpty()) {
                if (!codes.add(code)) {
                    errors.add(new RowError(r.number(), "编号", "文件中编号重复 duplicate code in the file"));
                } else if (known.contains(code)) {
                    errors.add(new RowError(r.number(), "编号", "编号已登记 code already in the ledger"));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new ImportReport(0, errors);
        }
        rows.forEach(r -> insert(r.draft()));
        audit.record("WSC_UNIT", "import", "IMPORT_XLSX", null, rows.size() + " units by " + me.username());
        return new ImportReport(rows.size(), List.of());
    }

    /** The units as .xlsx: the import's columns, then district, urban/rural, last inspection and 覆盖. */
    public byte[] exportXlsx(List<ClassificationUnit> units) {
        List<String> header = new ArrayList<>(HEADERS);
        header.addAll(List.of("区（县级市）", "城乡", "最近检查日", "覆盖"));
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("垃圾分类覆盖", header);
            for (ClassificationUnit u : units) {
                sheet.row(
                        u.code(),
                        u.name(),
                        u.kindLabel(),
                        u.address(),
                        u.lat(),
                        u.lon(),
                        u.bins().get(WasteClass.RECYCLABLE),
                        u.bins().get(WasteClass.HAZARDOUS),
                        u.bins().get(WasteClass.KITCHEN),
                        u.bins().get(WasteClass.OTHER),
                        u.areaType() == AreaType.RURAL ? "农村" : "建成区",
                        u.districtName(),
                        u.areaType().label(),
                        u.lastInspectedOn(),
                        u.covered() ? "是" : "否");
            }
            return wb.toBytes();
        }
    }

    /** 区域: 建成区 (or blank) is false, 农村 true, anything else empty (an error). */
    static Optional<Boolean> rural(String text) {
        if (text == null || text.isBlank() || text.trim().equals("建成区")) {
            return Optional.of(false);
        }
        return text.trim().equals("农村") ? Optional.of(true) : Optional.empty();
    }

    public static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private record Row(int number, UnitDraft draft) {}

    private long insert(UnitDraft d) {
        Optional<GridLocation> at = grids.locate(d.lat(), d.lon());
        String district = at.map(GridLocation::districtCode).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wsc_unit (code, name, kind, address, lat, lon, grid_code, district_code, district_name,
                  area_type, recyclable_n, hazardous_n, kitchen_n, other_n, created_at)
                VALUES (:code, :name, :kind, :address, :lat, :lon, :grid, :district, :dname, :area, :r, :h, :k, :o,
                  :now)""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("kind", UnitKind.parse(d.kind()).name())
                .param(
                        "address",
                        d.address() == null || d.address().isBlank()
                                ? null
                                : d.address().trim())
                .param("lat", d.lat())
                .param("lon", d.lon())
                .param("grid", at.map(GridLocation::gridCode).orElse(null))
                .param("district", district)
                .param("dname", at.map(GridLocation::districtName).orElse(null))
                .param(
                        "area",
                        areaTypeOf(district, Boolean.TRUE.equals(d.rural())).name())
                .param("r", d.count(WasteClass.RECYCLABLE))
                .param("h", d.count(WasteClass.HAZARDOUS))
                .param("k", d.count(WasteClass.KITCHEN))
                .param("o", d.count(WasteClass.OTHER))
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM wsc_unit WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The latest inspection of every unit (latest day, then latest entry). */
    private Map<Long, Inspection> latestInspections() {
        Map<Long, Inspection> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM wsc_inspection ORDER BY unit_id, inspected_on DESC, id DESC")
                .query(ClassificationUnits::inspection)
                .list()
                .forEach(i -> out.putIfAbsent(i.unitId(), i));
        return out;
    }

    private static Inspection inspection(ResultSet rs, int n) throws SQLException {
        Map<WasteClass, Finding> f = new EnumMap<>(WasteClass.class);
        f.put(WasteClass.RECYCLABLE, Finding.valueOf(rs.getString("recyclable")));
        f.put(WasteClass.HAZARDOUS, Finding.valueOf(rs.getString("hazardous")));
        f.put(WasteClass.KITCHEN, Finding.valueOf(rs.getString("kitchen")));
        f.put(WasteClass.OTHER, Finding.valueOf(rs.getString("other")));
        return new Inspection(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getDate("inspected_on").toLocalDate(),
                f,
                rs.getString("note"),
                rs.getString("inspector"));
    }

    private static ClassificationUnit map(ResultSet rs, Map<Long, Inspection> latest) throws SQLException {
        long id = rs.getLong("id");
        UnitKind kind = UnitKind.valueOf(rs.getString("kind"));
        Map<WasteClass, Integer> bins = CoverageRule.bins(
                rs.getInt("recyclable_n"), rs.getInt("hazardous_n"), rs.getInt("kitchen_n"), rs.getInt("other_n"));
        Inspection last = latest.get(id);
        Map<WasteClass, Finding> findings = last == null ? null : last.findings();
        return new ClassificationUnit(
                id,
                rs.getString("code"),
                rs.getString("name"),
                kind,
                kind.label(),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("grid_code"),
                rs.getString("district_code"),
                rs.getString("district_name"),
                AreaType.valueOf(rs.getString("area_type")),
                bins,
                last == null ? null : last.inspectedOn(),
                findings,
                CoverageRule.covered(bins, findings),
                CoverageRule.mixed(findings));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("分类投放单位不存在 unit not found");
    }
}
