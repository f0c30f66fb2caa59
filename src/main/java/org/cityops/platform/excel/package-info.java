/**
 * Excel workbooks, shared by every module that imports or exports a spreadsheet.
 * <p>
 * Reading uploaded workbooks for imports: open an
 * upload safely ({@link UploadedWorkbook}: size limits, a clear 400 for what is not a workbook), walk its
 * data rows ({@link UploadedSheet}, {@link DataRow}: Excel row numbers, blank rows left out, a row limit),
 * find columns by their header ({@link HeaderColumns}), read typed cells, and collect the problems of every
 * row ({@link SheetErrors}) so that an import can refuse the whole file with a row-by-row report.
 * What a row means, and whether an import applies anything, stays with the importing module.
 * <p>
 * Writing workbooks for exports and templates ({@link WorkbookWriter}, {@link SheetWriter}): a streaming .xlsx
 * whose sheets have a bold, frozen header and rows of typed cells (numbers as numbers; dates, times in the
 * city's zone and 是/否 as text), written to a stream with its temporary files deleted.
 */
package org.cityops.platform.excel;
