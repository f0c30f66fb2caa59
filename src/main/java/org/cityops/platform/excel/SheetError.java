package org.cityops.platform.excel;

/**
 * One problem of an uploaded workbook.
 *
 * @param sheet   the sheet's name, or null for the whole file
 * @param row     the row number as Excel shows it (header = 1), or null (or 0, where an importer says so) for
 *                the whole sheet
 * @param column  the column as the importer names it (its header or its field), or null
 * @param message what is wrong, in Chinese and English
 */
public record SheetError(String sheet, Integer row, String column, String message) {}
