package org.cityops.org.internal.excel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;

/**
 * The org workbook (.xlsx): sheets 组织机构, 部门 and 用户 with Chinese headers, plus a 说明 sheet. Writes the
 * template and the export in the same format, and reads a workbook into rows keyed by column, with header
 * order free and unknown or missing columns reported.
 */
public final class OrgWorkbook {

    public static final String HELP_SHEET = "说明";
    public static final int MAX_ROWS = UploadedWorkbook.MAX_ROWS;

    private OrgWorkbook() {}

    /** One data row: its spreadsheet row number and its values by column key (blank cells absent). */
    public record ParsedRow(int rowNumber, Map<String, String> values) {

        public String get(String key) {
            return values.get(key);
        }
    }

    /** What was read: the rows of each org sheet present, and problems with the file's structure. */
    public record Parsed(Map<SheetSpec, List<ParsedRow>> sheets, List<ImportError> errors) {

        public List<ParsedRow> rows(SheetSpec spec) {
            return sheets.getOrDefault(spec, List.of());
        }
    }

    // ------------------------------------------------------------------ writing

    /** The empty template: each sheet with its headers and one example row, and the 说明 sheet. */
    public static byte[] template() {
        Map<SheetSpec, List<List<String>>> rows = new LinkedHashMap<>();
        for (SheetSpec spec : SheetSpec.ALL) {
            rows.put(spec, List.of(spec.example()));
        }
        return write(rows, true);
    }

    /** A workbook holding the given rows (values in column order) for each sheet. */
    public static byte[] write(Map<SheetSpec, List<List<String>>> rows, boolean example) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            helpSheet(wb, example);
            for (SheetSpec spec : SheetSpec.ALL) {
                SheetWriter sheet = wb.sheet(spec.name())
                        .text()
                        .header(spec.columns().stream()
                                .map(SheetSpec.Column::header)
                                .toList());
                for (List<String> values : rows.getOrDefault(spec, List.of())) {
                    sheet.row(values.stream().map(v -> v == null ? "" : v).toList());
                }
            }
            return wb.activeSheet(1).toBytes();
        }
    }

    private static void helpSheet(WorkbookWriter wb, boolean example) {
        SheetWriter help = wb.sheet(HELP_SHEET).widths(16, 16, 10, 90);
        String[] intro = {
            "组织机构与用户导入模板 (cityops)",
            "整个文件要么全部导入，要么一条也不导入：任何一行有错，返回逐行错误报告（工作表、行号、列、原因），数据库不变。",
            "列的顺序可以调整；表头须使用下列名称（或英文名）；未知的列会报错。空行忽略。编码请以文本格式填写。",
            "已存在的编码/用户名按文件内容更新（编码、层级、上级不可更改），不存在的新建。导出的文件可直接再导入。",
            example ? "各表第 2 行是示例，导入前请删除或改写。" : "本文件由系统导出。"
        };
        help.lines(intro).blankRow().header(List.of("工作表", "列", "必填", "说明"));
        for (SheetSpec spec : SheetSpec.ALL) {
            for (SheetSpec.Column col : spec.columns()) {
                help.row(spec.name(), col.header() + " (" + col.alias() + ")", col.required() ? "是" : "", col.help());
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads an uploaded workbook.
     *
     * @throws InvalidInputException (field {@code file}) when the bytes are not an .xlsx spreadsheet, or a sheet
     *                               has more than {@value #MAX_ROWS} rows
     */
    public static Parsed read(InputStream in) {
        Map<SheetSpec, List<ParsedRow>> sheets = new LinkedHashMap<>();
        SheetErrors errors = new SheetErrors();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            for (SheetSpec spec : SheetSpec.ALL) {
                wb.sheet(spec.name()).ifPresent(sheet -> sheets.put(spec, readSheet(spec, sheet, errors)));
            }
        }
        if (sheets.isEmpty()) {
            errors.add(null, null, null, "文件中没有 组织机构、部门 或 用户 工作表 " + "no sheet named 组织机构, 部门 or 用户");
        }
        return new Parsed(sheets, errors.map(e -> new ImportError(e.sheet(), e.row(), e.column(), e.message())));
    }

    private static List<ParsedRow> readSheet(SheetSpec spec, UploadedSheet sheet, SheetErrors errors) {
        DataRow header = sheet.header().orElse(null);
        if (header == null) {
            return List.of();
        }
        HeaderColumns<SheetSpec.Column> columns = HeaderColumns.match(header, spec.headerNames());
        columns.unknown().forEach(text -> errors.add(spec.name(), columns.row(), text, "未知列 unknown column"));
        columns.duplicates().forEach(text -> errors.add(spec.name(), columns.row(), text, "列重复 duplicate column"));
        for (SheetSpec.Column c : columns.missing(
                spec.columns().stream().filter(SheetSpec.Column::required).toList())) {
            errors.add(spec.name(), columns.row(), c.header(), "缺少必需列 required column missing");
        }
        List<Map.Entry<SheetSpec.Column, Integer>> byPosition = columns.index().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .toList();
        List<ParsedRow> rows = new ArrayList<>();
        for (DataRow row : sheet.dataRowsBelow(header, MAX_ROWS)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<SheetSpec.Column, Integer> c : byPosition) {
                if (row.isFormula(c.getValue())) {
                    errors.add(row, c.getKey().header(), "不支持公式 formulas are not accepted");
                } else if (row.textOrNull(c.getValue()) != null) {
                    values.put(c.getKey().key(), row.text(c.getValue()));
                }
            }
            if (!values.isEmpty()) {
                rows.add(new ParsedRow(row.number(), values));
            }
        }
        return rows;
    }
}
