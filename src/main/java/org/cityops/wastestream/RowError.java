package org.cityops.wastestream;

/**
 * A problem of one row of an import or a batch: the row (Excel row number, or the record's position in a batch
 * from 1; 0 for the file itself), the column or field, and what is wrong ("中文 English").
 */
public record RowError(int row, String field, String message) {}
