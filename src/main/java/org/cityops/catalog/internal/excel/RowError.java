package org.cityops.catalog.internal.excel;

/** One problem found in an uploaded workbook: sheet, 1-based row as Excel shows it, column header, message. */
public record RowError(String sheet, int row, String column, String message) {
}
