package org.cityops.wastestream;

import org.cityops.platform.excel.SheetError;

/**
 * A problem of one row of an import or a batch: the row (Excel row number, or the record's position in a batch
 * from 1; 0 for the file itself), the column or field, and what is wrong ("中文 English").
 */
public record RowError(int row, String field, String message) {

    /** A problem {@code platform.excel} found; one of the whole file or sheet is row 0. */
    public static RowError of(SheetError e) {
        return new RowError(e.row() == null ? 0 : e.row(), e.column(), e.message());
    }
}
