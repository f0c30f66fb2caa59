package org.cityops.wastestream;

import java.util.List;

/**
 * What an all-or-nothing import of the module answers (producers, classification units, collection routes): the
 * number of records stored, or the problems found, row by row, and nothing stored.
 */
public record ImportReport(int imported, List<RowError> errors) {}
