package org.cityops.catalog.internal.excel;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryCodes;
import org.cityops.catalog.internal.CategoryDraft;
import org.cityops.catalog.internal.LimitKey;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;

/**
 * The categories workbook: sheet 1 the categories with their conditions, sheet 2 their own time limits
 * (one row per category × stage × urgency that differs from the defaults), sheet 3 how to fill it in.
 * Export and import use the same layout, so an exported file imports back unchanged.
 */
public final class CategoryWorkbook {

    public static final String CATEGORIES = "分类 categories";
    public static final String LIMITS = "时限 limits";
    static final List<String> CATEGORY_HEADERS = List.of(
            "标准 standard",
            "种类 kind",
            "代码 code",
            "完整代码 qualified code",
            "名称 name",
            "大类代码 major code",
            "大类名称 major name",
            "立案条件 filing condition",
            "结案条件 closing condition",
            "启用 active");
    static final List<String> LIMIT_HEADERS =
            List.of("完整代码 qualified code", "环节 stage", "紧急程度 urgency", "时限（小时） hours", "计时方式 basis");

    /** A category row as read: its Excel row number and the draft. */
    public record CategoryRow(int row, CategoryDraft draft) {}

    /** A limit row as read. */
    public record LimitRow(int row, String qualifiedCode, LimitKey key, TimeLimit limit) {}

    public record Parsed(List<CategoryRow> categories, List<LimitRow> limits, List<RowError> errors) {}

    private CategoryWorkbook() {}

    public static byte[] template() {
        return write(List.of(), null);
    }

    public static byte[] write(List<Category> categories, CatalogSnapshot snapshot) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter cats =
                    wb.sheet(CATEGORIES).text().header(CATEGORY_HEADERS).widths(14, 8, 10, 16, 28, 10, 18, 50, 50, 6);
            SheetWriter lims = wb.sheet(LIMITS).text().header(LIMIT_HEADERS).widths(16, 8, 10, 12, 10);
            for (Category c : categories) {
                cats.row(
                        c.standard(),
                        c.kind().label(),
                        c.code(),
                        c.qualifiedCode(),
                        c.name(),
                        c.majorCode(),
                        c.majorName(),
                        c.filingCondition(),
                        c.closingCondition(),
                        c.active());
                for (ProcessStage stage : ProcessStage.values()) {
                    for (Urgency u : Urgency.values()) {
                        var own = snapshot.ownLimit(c.id(), stage, u);
                        if (own.isPresent()) {
                            lims.row(
                                    c.qualifiedCode(),
                                    Labels.stage(stage),
                                    u.label(),
                                    BigDecimal.valueOf(own.get().duration().toMinutes())
                                            .divide(BigDecimal.valueOf(60), 4, java.math.RoundingMode.HALF_UP)
                                            .stripTrailingZeros(),
                                    Labels.basis(own.get().basis()));
                        }
                    }
                }
            }
            readme(wb);
            return wb.toBytes();
        }
    }

    private static void readme(WorkbookWriter wb) {
        wb.sheet("说明 readme")
                .widths(120)
                .lines(
                        "案件分类导入说明 How to fill in this workbook",
                        "标准 standard: GB/T 47678.5（默认，5 位代码）、GB/T 30428.2（4 位代码）或 LOCAL（本地扩展，1-12 位字母数字）",
                        "种类 kind: 部件 或 事件（也可写 COMPONENT / EVENT）",
                        "大类代码 major code: 国标分类可留空（取代码前两位）；LOCAL 分类必填",
                        "完整代码 qualified code: 导出时给出，导入时忽略（由标准、种类、代码算出），例如 E06010、C01001、30428:C:0101、LOCAL:E:ZT01",
                        "启用 active: 是 / 否（留空为是）",
                        "时限 limits 表：每行一个分类的一个环节×紧急程度的时限，未列出的用目录默认时限；导入时，分类表中列出的分类的自有时限将被替换为本表中的行",
                        "环节 stage: 核实、立案、派遣、处置、核查、结案；紧急程度 urgency: 一般、紧急、特急；计时方式 basis: 工作时、自然时；时限（小时）可为小数（整分钟）",
                        "导入是“全部或全不”：任何一行有错，整个文件都不会导入，并逐行列出错误",
                        "GB/T 47678.5 目录来自未核实的转录 (unverified transcription)，以标准原文为准");
    }

    public static Parsed read(InputStream in) {
        List<CategoryRow> categories = new ArrayList<>();
        List<LimitRow> limits = new ArrayList<>();
        SheetErrors errors = new SheetErrors();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet cats = wb.sheet(CATEGORIES).orElse(null);
            if (cats == null) {
                errors.add(CATEGORIES, 0, null, "缺少工作表 missing sheet '" + CATEGORIES + "'");
                return new Parsed(categories, limits, RowError.of(errors));
            }
            for (DataRow row : cats.dataRows(UploadedWorkbook.MAX_ROWS)) {
                CategoryKind kind = Labels.kind(row.text(1));
                if (kind == null) {
                    errors.add(
                            row, CATEGORY_HEADERS.get(1), "种类须为 部件 或 事件 kind must be 部件 or 事件: '" + row.text(1) + "'");
                    continue;
                }
                Boolean active = row.text(9).isEmpty() ? Boolean.TRUE : DataRow.yesNo(row.text(9));
                if (active == null) {
                    errors.add(row, CATEGORY_HEADERS.get(9), "启用须为 是 或 否 active must be 是 or 否");
                    continue;
                }
                String standard = row.text(0);
                String code = row.isNumber(2) ? padded(standard, row.text(2)) : row.text(2);
                categories.add(new CategoryRow(
                        row.number(),
                        new CategoryDraft(
                                standard,
                                kind,
                                code,
                                row.text(4),
                                row.text(5),
                                row.text(6),
                                row.text(7),
                                row.text(8),
                                active)));
            }
            var lims = wb.sheet(LIMITS);
            if (lims.isPresent()) {
                for (DataRow row : lims.get().dataRows(UploadedWorkbook.MAX_ROWS * 18)) {
                    readLimit(row, limits, errors);
                }
            }
        }
        return new Parsed(categories, limits, RowError.of(errors));
    }

    private static void readLimit(DataRow row, List<LimitRow> limits, SheetErrors errors) {
        String code = row.text(0);
        var key = CategoryCodes.parseQualified(code);
        if (key.isEmpty()) {
            errors.add(row, LIMIT_HEADERS.get(0), "完整代码不正确 not a qualified code: '" + code + "'");
            return;
        }
        ProcessStage stage = Labels.stage(row.text(1));
        Urgency urgency = Labels.urgency(row.text(2));
        TimeBasis basis = Labels.basis(row.text(4));
        if (stage == null) {
            errors.add(row, LIMIT_HEADERS.get(1), "环节不正确 unknown stage '" + row.text(1) + "'");
            return;
        }
        if (urgency == null) {
            errors.add(row, LIMIT_HEADERS.get(2), "紧急程度不正确 unknown urgency '" + row.text(2) + "'");
            return;
        }
        if (basis == null) {
            errors.add(row, LIMIT_HEADERS.get(4), "计时方式须为 工作时 或 自然时 basis must be 工作时 or 自然时");
            return;
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(row.text(3));
        } catch (NumberFormatException e) {
            errors.add(row, LIMIT_HEADERS.get(3), "时限须为数字 hours must be a number");
            return;
        }
        BigDecimal minutes = hours.multiply(BigDecimal.valueOf(60));
        long m;
        try {
            m = minutes.longValueExact();
        } catch (ArithmeticException e) {
            errors.add(row, LIMIT_HEADERS.get(3), "时限须为整分钟 hours must be whole minutes");
            return;
        }
        var k = key.get();
        limits.add(new LimitRow(
                row.number(),
                CategoryCodes.qualified(k.standard(), k.kind(), k.code()),
                new LimitKey(stage, urgency),
                new TimeLimit(Duration.ofMinutes(m), basis)));
    }

    /** A numeric code typed into Excel loses its leading zeros: put them back for the numeric standards. */
    static String padded(String standard, String code) {
        if (!code.matches("\\d{1,5}")) {
            return code;
        }
        String std;
        try {
            std = CategoryCodes.normalizeStandard(standard);
        } catch (RuntimeException e) {
            return code;
        }
        int width = std.equals(CategoryCodes.GB47678) ? 5 : std.equals(CategoryCodes.GB30428) ? 4 : 0;
        StringBuilder sb = new StringBuilder(code);
        while (sb.length() < width) {
            sb.insert(0, '0');
        }
        return sb.toString();
    }
}
