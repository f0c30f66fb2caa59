package org.cityops.catalog.internal.excel;

import java.util.List;
import org.cityops.platform.excel.SheetErrors;

/** One problem found in an uploaded workbook: sheet, 1-based row as Excel shows it (0: the sheet), column header, message. */
public record RowError(String sheet, int row, String column, String message) {

    static List<RowError> of(SheetErrors errors) {
        return errors.map(e -> new RowError(e.sheet(), e.row() == null ? 0 : e.row(), e.column(), e.message()));
    }
}
