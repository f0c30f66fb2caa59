package org.cityops.org.internal.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;

/**
 * The org workbook (.xlsx): sheets 组织机构, 部门 and 用户 with Chinese headers, plus a 说明 sheet. Writes the
 * template and the export in the same format, and reads a workbook into rows keyed by column, with header
 * order free and unknown or missing columns reported.
 */
public final class OrgWorkbook {

    public static final String HELP_SHEET = "说明";
    public static final int MAX_ROWS = UploadedWorkbook.MAX_ROWS;

    private OrgWorkbook() {
    }

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
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setDataFormat(wb.createDataFormat().getFormat("@"));
            helpSheet(wb, head, example);
            for (SheetSpec spec : SheetSpec.ALL) {
                Sheet sheet = wb.createSheet(spec.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < spec.columns().size(); c++) {
                    sheet.setDefaultColumnStyle(c, text);
                    sheet.setColumnWidth(c, 18 * 256);
                    Cell cell = header.createCell(c);
                    cell.setCellValue(spec.columns().get(c).header());
                    cell.setCellStyle(head);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<String> values : rows.getOrDefault(spec, List.of())) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(text);
                        cell.setCellValue(values.get(c) == null ? "" : values.get(c));
                    }
                }
            }
            wb.setActiveSheet(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void helpSheet(Workbook wb, CellStyle head, boolean example) {
        Sheet help = wb.createSheet(HELP_SHEET);
        help.setColumnWidth(0, 16 * 256);
        help.setColumnWidth(1, 16 * 256);
        help.setColumnWidth(2, 10 * 256);
        help.setColumnWidth(3, 90 * 256);
        int r = 0;
        String[] intro = {
                "组织机构与用户导入模板 (cityops)",
                "整个文件要么全部导入，要么一条也不导入：任何一行有错，返回逐行错误报告（工作表、行号、列、原因），数据库不变。",
                "列的顺序可以调整；表头须使用下列名称（或英文名）；未知的列会报错。空行忽略。编码请以文本格式填写。",
                "已存在的编码/用户名按文件内容更新（编码、层级、上级不可更改），不存在的新建。导出的文件可直接再导入。",
                example ? "各表第 2 行是示例，导入前请删除或改写。" : "本文件由系统导出。"};
        for (String line : intro) {
            help.createRow(r++).createCell(0).setCellValue(line);
        }
        r++;
        Row header = help.createRow(r++);
        String[] titles = {"工作表", "列", "必填", "说明"};
        for (int i = 0; i < titles.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(head);
        }
        for (SheetSpec spec : SheetSpec.ALL) {
            for (SheetSpec.Column col : spec.columns()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(spec.name());
                row.createCell(1).setCellValue(col.header() + " (" + col.alias() + ")");
                row.createCell(2).setCellValue(col.required() ? "是" : "");
                row.createCell(3).setCellValue(col.help());
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
            errors.add(null, null, null, "文件中没有 组织机构、部门 或 用户 工作表 "
                    + "no sheet named 组织机构, 部门 or 用户");
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
        for (SheetSpec.Column c : columns.missing(spec.columns().stream().filter(SheetSpec.Column::required).toList())) {
            errors.add(spec.name(), columns.row(), c.header(), "缺少必需列 required column missing");
        }
        List<Map.Entry<SheetSpec.Column, Integer>> byPosition = columns.index().entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList();
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
