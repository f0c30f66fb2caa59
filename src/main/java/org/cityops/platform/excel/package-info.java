/**
 * Reading uploaded Excel workbooks for imports, shared by every module that imports a spreadsheet: open an
 * upload safely ({@link UploadedWorkbook}: size limits, a clear 400 for what is not a workbook), walk its
 * data rows ({@link UploadedSheet}, {@link DataRow}: Excel row numbers, blank rows left out, a row limit),
 * find columns by their header ({@link HeaderColumns}), read typed cells, and collect the problems of every
 * row ({@link SheetErrors}) so that an import can refuse the whole file with a row-by-row report.
 * What a row means, and whether an import applies anything, stays with the importing module.
 */
package org.cityops.platform.excel;
