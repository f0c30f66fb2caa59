package org.cityops.platform.excel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.cityops.platform.CityClock;

/**
 * One sheet of a {@link WorkbookWriter}, written top to bottom. Cells are typed by their value: a
 * {@link Number} is a numeric cell, a {@link String} a text cell (an empty string an empty text cell), a
 * {@link LocalDate} the text yyyy-MM-dd, an {@link Instant} the text yyyy-MM-dd HH:mm in the city's zone
 * ({@link CityClock#display}), a {@link Boolean} 是 or 否, anything else its {@code toString()}; a
 * {@code null} leaves the cell out.
 */
public final class SheetWriter {

    /** The width of a column no one sized, in characters. */
    public static final int DEFAULT_WIDTH = 18;

    private final WorkbookWriter workbook;
    private final Sheet sheet;
    private final BitSet wrapped = new BitSet();
    private boolean text;
    private int next;

    SheetWriter(WorkbookWriter workbook, Sheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    /**
     * Formats the header's columns as text (Excel's "@"), header and cells alike, so that what someone types
     * into a template (codes such as 0101, phone numbers) stays as typed. Call it before {@link #header}.
     */
    public SheetWriter text() {
        this.text = true;
        return this;
    }

    /**
     * A bold header row with a grey fill; {@value #DEFAULT_WIDTH} characters wide columns unless
     * {@link #widths} says otherwise. As the sheet's first row it is frozen, so it stays in view while scrolling.
     */
    public SheetWriter header(List<String> headers) {
        boolean first = next == 0;
        Row row = sheet.createRow(next++);
        CellStyle style = workbook.headerStyle(text);
        CellStyle column = text ? workbook.cellStyle(true, false) : null;
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(style);
            if (first) {
                sheet.setColumnWidth(i, DEFAULT_WIDTH * 256);
                if (column != null) {
                    sheet.setDefaultColumnStyle(i, column);
                }
            }
        }
        if (first) {
            sheet.createFreezePane(0, 1);
        }
        return this;
    }

    /** Column widths in characters, from the first column on. */
    public SheetWriter widths(int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
        return this;
    }

    /** One column's width in characters. */
    public SheetWriter width(int column, int chars) {
        sheet.setColumnWidth(column, chars * 256);
        return this;
    }

    /** Wraps the text of the column's cells (written from now on) within the column's width. */
    public SheetWriter wrap(int column) {
        wrapped.set(column);
        return this;
    }

    /** A row of typed cells (see the class comment), from the first column on. */
    public SheetWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** A row of typed cells (see the class comment), from the first column on. */
    public SheetWriter row(List<?> values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b ? "是" : "否");
            } else if (v instanceof Instant t) {
                cell.setCellValue(CityClock.display(t));
            } else {
                cell.setCellValue(v.toString());
            }
            CellStyle style = workbook.cellStyle(text, wrapped.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return this;
    }

    /** Rows of one text cell each, for a sheet of instructions. */
    public SheetWriter lines(String... lines) {
        for (String line : lines) {
            row(line);
        }
        return this;
    }

    /** Leaves a row empty. */
    public SheetWriter blankRow() {
        next++;
        return this;
    }

    /** How many rows (header included) have been written so far. */
    public int rows() {
        return next;
    }
}
