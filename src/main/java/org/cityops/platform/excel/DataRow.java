package org.cityops.platform.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;

/**
 * One row of an uploaded sheet, read as the user typed it. Text is trimmed; a number reads as plain digits
 * (no ".0", no exponent: a phone number or a code typed as a number stays whole); a date-formatted cell reads
 * as yyyy-MM-dd; TRUE/FALSE as 是/否; a formula as its last computed value. The typed readers return null for
 * a blank cell and, for a value of the wrong type, add an error to the given {@link SheetErrors} and return
 * null.
 */
public final class DataRow {

    static final String NOT_INTEGER = "应为整数 must be a whole number";
    static final String NOT_NUMBER = "应为数字 must be a number";
    static final String NOT_DATE = "日期格式应为 yyyy-MM-dd date must be yyyy-MM-dd";
    static final String NOT_YES_NO = "应为 是 或 否 must be 是 or 否";

    private final String sheet;
    private final Row row;

    DataRow(String sheet, Row row) {
        this.sheet = sheet;
        this.row = row;
    }

    public String sheet() {
        return sheet;
    }

    /** The row number as Excel shows it (the first row is 1). */
    public int number() {
        return row.getRowNum() + 1;
    }

    /** The cell's text, trimmed; "" when blank. Columns count from 0. */
    public String text(int col) {
        return text(row.getCell(col));
    }

    /** The cell's text, trimmed; null when blank. */
    public String textOrNull(int col) {
        String t = text(col);
        return t.isEmpty() ? null : t;
    }

    /** True when the cell holds a number (so a code typed into it lost its leading zeros). */
    public boolean isNumber(int col) {
        Cell c = row.getCell(col);
        return c != null && c.getCellType() == CellType.NUMERIC;
    }

    public boolean isFormula(int col) {
        Cell c = row.getCell(col);
        return c != null && c.getCellType() == CellType.FORMULA;
    }

    public Integer integer(int col, String column, SheetErrors errors) {
        return typed(col, column, errors, NOT_INTEGER, t -> new BigDecimal(t).intValueExact());
    }

    public BigDecimal decimal(int col, String column, SheetErrors errors) {
        return typed(col, column, errors, NOT_NUMBER, BigDecimal::new);
    }

    /** A date cell, or text written yyyy-MM-dd. */
    public LocalDate date(int col, String column, SheetErrors errors) {
        return typed(col, column, errors, NOT_DATE, LocalDate::parse);
    }

    /** 是/否 (also Y/N, YES/NO, TRUE/FALSE, 1/0, 启用/停用). */
    public Boolean bool(int col, String column, SheetErrors errors) {
        return typed(col, column, errors, NOT_YES_NO, DataRow::yesNo);
    }

    /** Null for a blank cell; the parsed value; or null and an error when the text does not parse. */
    private <T> T typed(int col, String column, SheetErrors errors, String message, Function<String, T> parse) {
        String t = text(col);
        if (t.isEmpty()) {
            return null;
        }
        T value;
        try {
            value = parse.apply(t);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            value = null;
        }
        if (value == null) {
            errors.add(this, column, message);
        }
        return value;
    }

    /** 是/否 and the other spellings {@link #bool} takes; null for anything else (blank included). */
    public static Boolean yesNo(String text) {
        String v = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "是", "Y", "YES", "TRUE", "1", "启用" -> Boolean.TRUE;
            case "否", "N", "NO", "FALSE", "0", "停用" -> Boolean.FALSE;
            default -> null;
        };
    }

    boolean isBlank() {
        for (Cell c : row) {
            if (!text(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The columns whose cells are not blank, left to right. */
    List<Integer> filledColumns() {
        List<Integer> cols = new ArrayList<>();
        for (Cell c : row) {
            if (!text(c).isEmpty()) {
                cols.add(c.getColumnIndex());
            }
        }
        return cols;
    }

    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        String v;
        switch (type) {
            case NUMERIC ->
                v = DateUtil.isCellDateFormatted(c)
                        ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(c.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            case STRING -> v = c.getStringCellValue();
            case BOOLEAN -> v = c.getBooleanCellValue() ? "是" : "否";
            case ERROR -> v = error(c.getErrorCellValue());
            default -> v = "";
        }
        return v == null ? "" : v.strip();
    }

    private static String error(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
