package org.cityops.org.internal.excel;

/**
 * One problem in an imported workbook.
 *
 * @param row    the row number as a spreadsheet shows it (header = 1), or null for the whole file or sheet
 * @param column the column header, or null
 */
public record ImportError(String sheet, Integer row, String column, String reason) {}
