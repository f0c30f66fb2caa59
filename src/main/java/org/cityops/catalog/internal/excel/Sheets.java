package org.cityops.catalog.internal.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.platform.InvalidInputException;

/** Small helpers over Apache POI shared by the catalogue's workbooks. */
final class Sheets {

    /** Largest number of data rows an import accepts per sheet. */
    static final int MAX_ROWS = 5000;
    private static final DataFormatter FORMATTER = new DataFormatter();

    private Sheets() {
    }

    static Workbook open(InputStream in) {
        try {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("不是有效的 .xlsx 文件 not a valid .xlsx workbook", "file");
        }
    }

    static byte[] bytes(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet with a bold header row; every column is formatted as text so codes keep leading zeros. */
    static Sheet sheet(Workbook wb, String name, List<String> headers, int[] widths) {
        Sheet sheet = wb.createSheet(name);
        CellStyle head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        text.setWrapText(false);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(head);
            sheet.setDefaultColumnStyle(i, text);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    static void put(Row row, int col, Object value) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(col);
        if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else {
            c.setCellValue(value.toString());
        }
    }

    /** A cell as text: whole numbers without ".0" or exponent, blanks as "". */
    static String text(Row row, int col) {
        if (row == null) {
            return "";
        }
        Cell c = row.getCell(col);
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        if (type == CellType.NUMERIC) {
            BigDecimal d = BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return c.getBooleanCellValue() ? "是" : "否";
        }
        return FORMATTER.formatCellValue(c).trim();
    }

    /** True when the cell holds a number (so a code typed into it lost its leading zeros). */
    static boolean numeric(Row row, int col) {
        Cell c = row == null ? null : row.getCell(col);
        return c != null && c.getCellType() == CellType.NUMERIC;
    }

    static boolean blank(Row row, int columns) {
        for (int i = 0; i < columns; i++) {
            if (!text(row, i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static Boolean yesNo(String s) {
        String v = s.trim().toUpperCase(java.util.Locale.ROOT);
        if (v.isEmpty() || v.equals("是") || v.equals("Y") || v.equals("YES") || v.equals("TRUE") || v.equals("1")
                || v.equals("启用")) {
            return Boolean.TRUE;
        }
        if (v.equals("否") || v.equals("N") || v.equals("NO") || v.equals("FALSE") || v.equals("0") || v.equals("停用")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
