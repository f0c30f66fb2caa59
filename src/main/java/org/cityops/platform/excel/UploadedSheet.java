package org.cityops.platform.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.cityops.platform.InvalidInputException;

/**
 * One sheet of an {@link UploadedWorkbook}. Its rows come with their Excel row numbers; blank rows are left out
 * and do not count towards the row limit. A sheet with more non-blank rows than the limit refuses the file
 * ({@link InvalidInputException} on the field {@code file}).
 */
public final class UploadedSheet {

    /** How far down {@link #header()} looks for the header (title rows may stand above it). */
    public static final int HEADER_SEARCH_ROWS = 10;

    private final Sheet sheet;

    UploadedSheet(Sheet sheet) {
        this.sheet = sheet;
    }

    public String name() {
        return sheet.getSheetName();
    }

    /** The rows below a header in Excel row 1 (whatever that row holds). */
    public List<DataRow> dataRows(int maxRows) {
        return rows(1, maxRows);
    }

    /** The header: the first non-blank row among the sheet's first {@value #HEADER_SEARCH_ROWS}; empty when none. */
    public Optional<DataRow> header() {
        int first = Math.max(sheet.getFirstRowNum(), 0);
        for (int r = first; r <= Math.min(sheet.getLastRowNum(), first + HEADER_SEARCH_ROWS - 1); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                DataRow candidate = new DataRow(name(), row);
                if (!candidate.isBlank()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The rows below the given header. */
    public List<DataRow> dataRowsBelow(DataRow header, int maxRows) {
        return rows(header.number(), maxRows);
    }

    /** Every row, from Excel row 1 (a sheet of key/value pairs, without a header). */
    public List<DataRow> allRows(int maxRows) {
        return rows(0, maxRows);
    }

    private List<DataRow> rows(int fromIndex, int maxRows) {
        List<DataRow> rows = new ArrayList<>();
        for (int r = Math.max(fromIndex, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            DataRow data = new DataRow(name(), row);
            if (data.isBlank()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new InvalidInputException(
                        "工作表 '" + name() + "' 超过 " + maxRows + " 行 sheet '" + name() + "' has more than " + maxRows
                                + " rows",
                        "file");
            }
            rows.add(data);
        }
        return rows;
    }
}
