package org.cityops.wastestream.ledger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.wastestream.ImportReport;
import org.cityops.wastestream.RowError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The producer ledger (餐厨废弃物产生单位台账): create, list in the caller's data scope (a producer belongs to the
 * district its location lies in), containers, import from .xlsx (all or nothing, every problem named by row and
 * column), export in the import's form, and the signing rate (签约收集率) per district. Every change is audited.
 *
 * <p>Over 400 lines on purpose: the .xlsx import runs the same checks and the same inserts as {@link #create} in one
 * transaction (all or nothing), and the export writes the import's columns; kept beside them so that a new field
 * is added to the form, the import and the export in one place.
 *
 * <p>Over 400 lines: the producer ledger with contracts, bins and its .xlsx import/export; the import loop is repeated in
 * classification and should become a shared row reader in {@code platform.excel} (to do).
 */
@Service
public class Producers {

    /** The spreadsheet's columns, in order; the export writes them and the import finds them by name. */
    public static final List<String> HEADERS = List.of(
            "统一社会信用代码", "单位名称", "食品经营许可证", "地址", "纬度", "经度", "类别", "预计日产生量(千克)", "收运单位", "合同起始日", "合同截止日", "收集桶");

    /** Field of {@link ProducerDraft} → its column, so a rule's problem names the column. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("creditCode", "统一社会信用代码"),
            Map.entry("name", "单位名称"),
            Map.entry("foodLicence", "食品经营许可证"),
            Map.entry("address", "地址"),
            Map.entry("lat", "纬度"),
            Map.entry("lon", "经度"),
            Map.entry("category", "类别"),
            Map.entry("expectedKgDay", "预计日产生量(千克)"),
            Map.entry("collector", "收运单位"),
            Map.entry("contractFrom", "合同起始日"),
            Map.entry("contractTo", "合同截止日"),
            Map.entry("containers", "收集桶"));

    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    static final int MAX_IMPORT_ROWS = 20_000;

    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProducerRules rules;

    Producers(JdbcClient jdbc, GridLocator grids, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.rules = new ProducerRules((lat, lon) -> grids.locate(lat, lon).isPresent());
    }

    public List<Producer> list(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM wst_producer WHERE " + where + " ORDER BY district_code, name")
                .params(params)
                .query(Producers::map)
                .list();
    }

    public Producer get(long id, StaffMember me) {
        Producer p = find(id).orElseThrow(Producers::notFound);
        if (!scope(me).matches(p.districtCode(), null, null)) {
            throw notFound();
        }
        return p;
    }

    public Optional<Producer> find(long id) {
        return jdbc.sql("SELECT * FROM wst_producer WHERE id = :id")
                .param("id", id)
                .query(Producers::map)
                .optional();
    }

    /** Every producer by credit code (collections look their producer up here). */
    public Map<String, Producer> byCreditCode() {
        Map<String, Producer> out = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_producer").query(Producers::map).list().forEach(p -> out.put(p.creditCode(), p));
        return out;
    }

    /** Every container by tag. */
    public Map<String, Container> containersByTag() {
        Map<String, Container> out = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_container")
                .query(Producers::container)
                .list()
                .forEach(c -> out.put(c.tag(), c));
        return out;
    }

    public List<Container> containers(long producerId, StaffMember me) {
        get(producerId, me);
        return jdbc.sql("SELECT * FROM wst_container WHERE producer_id = :p ORDER BY tag")
                .param("p", producerId)
                .query(Producers::container)
                .list();
    }

    /** Creates one producer; a problem is a 400 naming the field. */
    @Transactional
    public Producer create(ProducerDraft draft, StaffMember me) {
        List<ProducerRules.Problem> problems = rules.problems(draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.get(0).message(), problems.get(0).field());
        }
        String code = CreditCode.normalize(draft.creditCode());
        if (exists(code)) {
            throw new InvalidInputException("统一社会信用代码已登记 credit code already in the ledger", "creditCode");
        }
        long id = insert(draft);
        audit.record("WST_PRODUCER", String.valueOf(id), "CREATE", null, code + " " + draft.name());
        return get(id, StaffMember.SYSTEM);
    }

    /** Adds a bin to a producer in the caller's scope; a tag is unique city-wide. */
    @Transactional
    public Container addContainer(long producerId, String tag, int volumeL, StaffMember me) {
        get(producerId, me);
        String t = tag == null ? "" : tag.trim();
        if (t.isEmpty() || t.length() > 64) {
            throw new InvalidInputException("桶号必填（不超过64字符）tag required, at most 64 characters", "tag");
        }
        if (volumeL < 10 || volumeL > 2000) {
            throw new InvalidInputException("桶容量须在10至2000升之间 volume must be 10..2000 L", "volumeL");
        }
        if (tagExists(t)) {
            throw new InvalidInputException("桶号已登记 tag already registered", "tag");
        }
        long id = insertContainer(producerId, t, volumeL);
        audit.record(
                "WST_CONTAINER", String.valueOf(id), "CREATE", null, t + " " + volumeL + "L producer " + producerId);
        return new Container(id, producerId, t, volumeL);
    }

    /** Imports the .xlsx of {@link #HEADERS}, all or nothing. 收集桶 is "tag:litres" separated by commas. */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            NamedHeader header = NamedHeader.findNamingMissing(sheet, HEADERS, HEADERS);
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return new ImportReport(0, List.of(RowError.of(p)));
            }
            HeaderColumns<String> cols = header.columns();
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : header.rowsBelow(MAX_IMPORT_ROWS)) {
                BigDecimal lat = r.decimal(cols.of("纬度"), "纬度", sheetErrors);
                BigDecimal lon = r.decimal(cols.of("经度"), "经度", sheetErrors);
                BigDecimal kg = r.decimal(cols.of("预计日产生量(千克)"), "预计日产生量(千克)", sheetErrors);
                LocalDate from = r.date(cols.of("合同起始日"), "合同起始日", sheetErrors);
                LocalDate to = r.date(cols.of("合同截止日"), "合同截止日", sheetErrors);
                List<BinSpec> bins = new ArrayList<>();
                String binText = r.textOrNull(cols.of("收集桶"));
                if (binText != null) {
                    for (String part : binText.split("[,，;；]")) {
                        BinSpec b = BinSpec.parse(part);
                        if (b == null) {
                            errors.add(new RowError(r.number(), "收集桶", "收集桶须写成 桶号:升 bins must be tag:litres"));
                        } else {
                            bins.add(b);
                        }
                    }
                }
                rows.add(new Row(
                        r.number(),
                        new ProducerDraft(
                                r.textOrNull(cols.of("统一社会信用代码")),
                                r.textOrNull(cols.of("单位名称")),
                                r.textOrNull(cols.of("食品经营许可证")),
                                r.textOrNull(cols.of("地址")),
                                lat == null ? null : lat.doubleValue(),
                                lon == null ? null : lon.doubleValue(),
                                r.textOrNull(cols.of("类别")),
                                kg,
                                r.textOrNull(cols.of("收运单位")),
                                from,
                                to),
                        bins));
            }
            errors.addAll(sheetErrors.map(RowError::of));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        Set<String> codes = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> knownCodes = new HashSet<>(jdbc.sql("SELECT credit_code FROM wst_producer")
                .query(String.class)
                .list());
        Set<String> knownTags = new HashSet<>(
                jdbc.sql("SELECT tag FROM wst_container").query(String.class).list());
        for (Row r : rows) {
            for (ProducerRules.Problem p : rules.problems(r.draft())) {
                errors.add(new RowError(r.number(), COLUMN_OF.get(p.field()), p.message()));
            }
            String code = CreditCode.normalize(r.draft().creditCode());
            if (code != null && !code.isEmpty()) {
                if (!codes.add(code)) {
                    errors.add(new RowError(r.number(), "统一社会信用代码", "文件中信用代码重复 duplicate credit code in the file"));
                } else if (knownCodes.contains(code)) {
                    errors.add(new RowError(r.number(), "统一社会信用代码", "统一社会信用代码已登记 credit code already in the ledger"));
                }
            }
            for (BinSpec b : r.bins()) {
                if (!tags.add(b.tag()) || knownTags.contains(b.tag())) {
                    errors.add(new RowError(r.number(), "收集桶", "桶号重复 duplicate bin tag " + b.tag()));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new ImportReport(0, errors);
        }
        for (Row r : rows) {
            long id = insert(r.draft());
            for (BinSpec b : r.bins()) {
                insertContainer(id, b.tag(), b.volumeL());
            }
        }
        audit.record("WST_PRODUCER", "import", "IMPORT_XLSX", null, rows.size() + " producers by " + me.username());
        return new ImportReport(rows.size(), List.of());
    }

    /** The caller's producers as .xlsx, in the import's form. */
    public byte[] exportXlsx(StaffMember me) {
        Map<Long, List<Container>> bins = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_container ORDER BY tag")
                .query(Producers::container)
                .list()
                .forEach(c -> bins.computeIfAbsent(c.producerId(), k -> new ArrayList<>())
                        .add(c));
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("餐厨废弃物产生单位", HEADERS);
            for (Producer p : list(me)) {
                StringBuilder b = new StringBuilder();
                for (Container c : bins.getOrDefault(p.id(), List.of())) {
                    b.append(b.isEmpty() ? "" : ",").append(c.tag()).append(':').append(c.volumeL());
                }
                sheet.row(
                        p.creditCode(),
                        p.name(),
                        p.foodLicence(),
                        p.address(),
                        p.lat(),
                        p.lon(),
                        p.categoryLabel(),
                        p.expectedKgDay(),
                        p.collector(),
                        p.contractFrom(),
                        p.contractTo(),
                        b.toString());
            }
            return wb.toBytes();
        }
    }

    /** 签约收集率 per district on {@code day}, in the caller's scope; a producer without a district under "". */
    public List<SigningRate> signingRates(LocalDate day, StaffMember me) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Producer p : list(me)) {
            long[] c = counts.computeIfAbsent(p.districtCode() == null ? "" : p.districtCode(), k -> new long[2]);
            c[0]++;
            if (p.signedOn(day)) {
                c[1]++;
            }
        }
        List<SigningRate> out = new ArrayList<>();
        counts.forEach((d, c) -> out.add(new SigningRate(d, c[0], c[1])));
        return out;
    }

    /** Producers with a contract in force on {@code day}, by id (the 漏收 and 日产日清 rules). */
    public Map<Long, Producer> signedOn(LocalDate day) {
        Map<Long, Producer> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM wst_producer WHERE contract_from <= :d AND contract_to >= :d ORDER BY id")
                .param("d", day)
                .query(Producers::map)
                .list()
                .forEach(p -> out.put(p.id(), p));
        return out;
    }

    public static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private record BinSpec(String tag, int volumeL) {
        static BinSpec parse(String text) {
            String[] p = text.trim().split("[:：]");
            if (p.length != 2 || p[0].isBlank() || p[0].trim().length() > 64) {
                return null;
            }
            try {
                int v = Integer.parseInt(p[1].trim());
                return v < 10 || v > 2000 ? null : new BinSpec(p[0].trim(), v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private record Row(int number, ProducerDraft draft, List<BinSpec> bins) {}

    private long insert(ProducerDraft d) {
        Optional<GridLocation> at = grids.locate(d.lat(), d.lon());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wst_producer (credit_code, name, food_licence, address, lat, lon, grid_code, district_code,
                  category, expected_kg_day, collector, contract_from, contract_to, created_at)
                VALUES (:code, :name, :licence, :address, :lat, :lon, :grid, :district, :category, :kg, :collector,
                  :from, :to, :now)""")
                .param("code", CreditCode.normalize(d.creditCode()))
                .param("name", d.name().trim())
                .param("licence", blankToNull(d.foodLicence()))
                .param("address", blankToNull(d.address()))
                .param("lat", d.lat())
                .param("lon", d.lon())
                .param("grid", at.map(GridLocation::gridCode).orElse(null))
                .param("district", at.map(GridLocation::districtCode).orElse(null))
                .param("category", ProducerCategory.parse(d.category()).name())
                .param("kg", d.expectedKgDay())
                .param("collector", blankToNull(d.collector()))
                .param("from", d.contractFrom())
                .param("to", d.contractTo())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long insertContainer(long producerId, String tag, int volumeL) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO wst_container (producer_id, tag, volume_l, created_at) VALUES (:p, :t, :v, :now)")
                .param("p", producerId)
                .param("t", tag)
                .param("v", volumeL)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM wst_producer WHERE credit_code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean tagExists(String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM wst_container WHERE tag = :t")
                        .param("t", tag)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("产生单位不存在 producer not found");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Producer map(ResultSet rs, int n) throws SQLException {
        ProducerCategory c = ProducerCategory.valueOf(rs.getString("category"));
        java.sql.Date from = rs.getDate("contract_from");
        java.sql.Date to = rs.getDate("contract_to");
        return new Producer(
                rs.getLong("id"),
                rs.getString("credit_code"),
                rs.getString("name"),
                rs.getString("food_licence"),
                rs.getString("address"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("grid_code"),
                rs.getString("district_code"),
                c,
                c.label(),
                rs.getBigDecimal("expected_kg_day"),
                rs.getString("collector"),
                from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    static Container container(ResultSet rs, int n) throws SQLException {
        return new Container(rs.getLong("id"), rs.getLong("producer_id"), rs.getString("tag"), rs.getInt("volume_l"));
    }
}
