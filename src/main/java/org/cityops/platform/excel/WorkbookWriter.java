package org.cityops.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an .xlsx for an export or a template: sheets with a bold, frozen header row and rows of typed cells
 * ({@link SheetWriter}). The workbook streams (only the last {@value #WINDOW} rows of a sheet are held in memory,
 * the rest go to a temporary file), so a long export stays small; {@link #close()} deletes the temporary files.
 * What the rows say, and the sheets' names and headers, stay with the exporting module.
 *
 * <pre>{@code
 * try (WorkbookWriter wb = new WorkbookWriter()) {
 *     SheetWriter s = wb.sheet("报警", List.of("编号", "车牌", "开始时间")).widths(8, 12, 18);
 *     for (Alarm a : alarms) {
 *         s.row(a.id(), a.plate(), a.startedAt());
 *     }
 *     return wb.toBytes();
 * }
 * }</pre>
 */
public final class WorkbookWriter implements AutoCloseable {

    /** The media type of an .xlsx download. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows of a sheet kept in memory before they are flushed to the temporary file. */
    static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private CellStyle header;
    private CellStyle textHeader;
    private CellStyle text;
    private CellStyle wrap;
    private CellStyle wrapText;

    /** A sheet with the given header as its first row, bold and frozen; columns 18 characters wide. */
    public SheetWriter sheet(String name, List<String> headers) {
        return sheet(name).header(headers);
    }

    /** An empty sheet (for instructions, key/value sheets, or a header set up with {@link SheetWriter#text()}). */
    public SheetWriter sheet(String name) {
        return new SheetWriter(this, workbook.createSheet(name));
    }

    /** The sheet shown when the file is opened (0-based, in the order the sheets were made). */
    public WorkbookWriter activeSheet(int index) {
        workbook.setActiveSheet(index);
        return this;
    }

    /** Writes the workbook; the stream stays open. */
    public void write(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook as bytes, for a download. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /** Deletes the temporary files and closes the workbook. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CellStyle headerStyle(boolean asText) {
        if (header == null) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            textHeader = workbook.createCellStyle();
            textHeader.cloneStyleFrom(header);
            textHeader.setDataFormat(workbook.createDataFormat().getFormat("@"));
        }
        return asText ? textHeader : header;
    }

    CellStyle cellStyle(boolean asText, boolean wrapped) {
        if (text == null) {
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrapText = workbook.createCellStyle();
            wrapText.cloneStyleFrom(text);
            wrapText.setWrapText(true);
        }
        if (asText) {
            return wrapped ? wrapText : text;
        }
        return wrapped ? wrap : null;
    }
}
