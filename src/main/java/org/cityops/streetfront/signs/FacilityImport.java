package org.cityops.streetfront.signs;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocator;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 户外广告设施台账 .xlsx import, all or nothing: every row is checked by the same {@link FacilityRules} as a single
 * create (and codes against the file and the ledger); with any problem nothing is stored and every problem is
 * named by row and column; otherwise each row is created through {@link Facilities#create} in one transaction.
 * Columns by name; the export's extra columns (面积, 许可状态, 下次安全检查) are ignored, so an edited export imports.
 */
@Service
public class FacilityImport {

    /** Columns the import reads (the first six and 纬度/经度/宽/高 are required). */
    public static final List<String> COLUMNS = List.of(
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
            "许可证号",
            "许可起始",
            "许可截止",
            "许可条件");

    static final List<String> REQUIRED = COLUMNS.subList(0, 6);
    static final int MAX_ROWS = 5_000;

    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("code", "设施编号"),
            Map.entry("name", "名称"),
            Map.entry("facilityClass", "设置形式"),
            Map.entry("kind", "类型"),
            Map.entry("ownerName", "设置人"),
            Map.entry("ownerCreditCode", "统一社会信用代码"),
            Map.entry("lat", "纬度"),
            Map.entry("lon", "经度"),
            Map.entry("widthM", "宽(米)"),
            Map.entry("heightM", "高(米)"),
            Map.entry("permitNo", "许可证号"),
            Map.entry("permitFrom", "许可起始"),
            Map.entry("permitTo", "许可截止"),
            Map.entry("permitConditions", "许可条件"));

    public record ImportReport(int imported, List<SheetError> errors) {}

    private final JdbcClient jdbc;
    private final Facilities facilities;
    private final FacilityRules rules;
    private final AuditTrail audit;

    FacilityImport(JdbcClient jdbc, Facilities facilities, GridLocator grids, AuditTrail audit) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.rules = new FacilityRules((lat, lon) -> grids.locate(lat, lon).isPresent());
        this.audit = audit;
    }

    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        SheetErrors errors = new SheetErrors();
        List<FacilityDraft> drafts = new ArrayList<>();
        String sheetName;
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            sheetName = sheet.name();
            Optional<DataRow> header = sheet.header();
            if (header.isEmpty()) {
                return new ImportReport(0, List.of(new SheetError(sheetName, null, "file", "没有表头 no header row")));
            }
            Map<String, String> names = new HashMap<>();
            COLUMNS.forEach(c -> names.put(c, c));
            HeaderColumns<String> cols = HeaderColumns.match(header.get(), names);
            List<String> required = new ArrayList<>(REQUIRED);
            required.addAll(List.of("纬度", "经度", "宽(米)", "高(米)"));
            List<String> missing = cols.missing(required);
            if (!missing.isEmpty()) {
                return new ImportReport(
                        0,
                        List.of(new SheetError(
                                sheetName, header.get().number(), missing.get(0), "缺少列 missing columns " + missing)));
            }
            Set<String> codes = new HashSet<>();
            Set<String> known = new HashSet<>(
                    jdbc.sql("SELECT code FROM sf_facility").query(String.class).list());
            for (DataRow r : sheet.dataRowsBelow(header.get(), MAX_ROWS)) {
                int before = errors.size();
                BigDecimal lat = r.decimal(cols.of("纬度"), "纬度", errors);
                BigDecimal lon = r.decimal(cols.of("经度"), "经度", errors);
                BigDecimal w = r.decimal(cols.of("宽(米)"), "宽(米)", errors);
                BigDecimal h = r.decimal(cols.of("高(米)"), "高(米)", errors);
                LocalDate from = date(r, cols, "许可起始", errors);
                LocalDate to = date(r, cols, "许可截止", errors);
                FacilityDraft d = new FacilityDraft(
                        r.textOrNull(cols.of("设施编号")),
                        r.textOrNull(cols.of("名称")),
                        r.textOrNull(cols.of("设置形式")),
                        r.textOrNull(cols.of("类型")),
                        r.textOrNull(cols.of("设置人")),
                        r.textOrNull(cols.of("统一社会信用代码")),
                        text(r, cols, "地址"),
                        lat == null ? null : lat.doubleValue(),
                        lon == null ? null : lon.doubleValue(),
                        w == null ? null : w.doubleValue(),
                        h == null ? null : h.doubleValue(),
                        text(r, cols, "许可证号"),
                        from,
                        to,
                        text(r, cols, "许可条件"));
                if (errors.size() == before) {
                    for (FacilityRules.Problem p : rules.problems(d)) {
                        errors.add(r, COLUMN_OF.getOrDefault(p.field(), p.field()), p.message());
                    }
                }
                if (d.code() != null) {
                    String code = d.code().trim();
                    if (!codes.add(code)) {
                        errors.add(r, "设施编号", "文件中设施编号重复 duplicate code in the file");
                    } else if (known.contains(code)) {
                        errors.add(r, "设施编号", "设施编号已存在 code already exists");
                    }
                }
                drafts.add(d);
            }
        }
        if (drafts.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new SheetError(sheetName, null, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            List<SheetError> list = new ArrayList<>(errors.list());
            list.sort(Comparator.comparingInt(e -> e.row() == null ? 0 : e.row().intValue()));
            return new ImportReport(0, list);
        }
        for (FacilityDraft d : drafts) {
            facilities.create(d, me, false);
        }
        audit.record("SF_FACILITY", "import", "IMPORT_XLSX", null, drafts.size() + " facilities by " + me.username());
        return new ImportReport(drafts.size(), List.of());
    }

    private static String text(DataRow r, HeaderColumns<String> cols, String name) {
        Integer c = cols.of(name);
        return c == null ? null : r.textOrNull(c);
    }

    private static LocalDate date(DataRow r, HeaderColumns<String> cols, String name, SheetErrors errors) {
        Integer c = cols.of(name);
        return c == null ? null : r.date(c, name, errors);
    }
}
