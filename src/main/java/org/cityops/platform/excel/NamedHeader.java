package org.cityops.platform.excel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a sheet whose columns are known by their own header text (an import's {@code HEADERS}, the words
 * its export and template write), found and matched once: the columns to read the rows with, or the one problem
 * that refuses the whole file (no header row at all, required columns missing). Replaces the "header, match,
 * missing" block each import had:
 *
 * <pre>{@code
 * NamedHeader header = NamedHeader.find(sheet, HEADERS, REQUIRED);
 * if (header.problem().isPresent()) {
 *     return refused(header.problem().get());
 * }
 * for (DataRow r : header.rowsBelow(MAX_ROWS)) { ... r.text(header.columns().of("名称")) ... }
 * }</pre>
 */
public final class NamedHeader {

    /** The message of a sheet without any header row. */
    public static final String NO_HEADER = "没有表头 no header row";

    private final UploadedSheet sheet;
    private final DataRow row;
    private final HeaderColumns<String> columns;
    private final SheetError problem;

    private NamedHeader(UploadedSheet sheet, DataRow row, HeaderColumns<String> columns, SheetError problem) {
        this.sheet = sheet;
        this.row = row;
        this.columns = columns;
        this.problem = problem;
    }

    /**
     * Finds the header ({@link UploadedSheet#header()}) and matches its cells to {@code names}. The problem, when
     * there is one, is at row 0, column {@code file} for a sheet without a header; at the header's row, column
     * {@code header} for missing required columns (all of them named in the message).
     */
    public static NamedHeader find(UploadedSheet sheet, Collection<String> names, Collection<String> required) {
        return find(sheet, names, required, false);
    }

    /** As {@link #find}, but a missing column's problem names the first missing column instead of {@code header}. */
    public static NamedHeader findNamingMissing(
            UploadedSheet sheet, Collection<String> names, Collection<String> required) {
        return find(sheet, names, required, true);
    }

    private static NamedHeader find(
            UploadedSheet sheet, Collection<String> names, Collection<String> required, boolean nameMissing) {
        Optional<DataRow> header = sheet.header();
        if (header.isEmpty()) {
            return new NamedHeader(sheet, null, null, new SheetError(sheet.name(), 0, "file", NO_HEADER));
        }
        Map<String, String> byName = new LinkedHashMap<>();
        names.forEach(h -> byName.put(h, h));
        HeaderColumns<String> cols = HeaderColumns.match(header.get(), byName);
        List<String> missing = cols.missing(required);
        SheetError problem = missing.isEmpty()
                ? null
                : new SheetError(
                        sheet.name(),
                        header.get().number(),
                        nameMissing ? missing.get(0) : "header",
                        "缺少列 missing columns " + missing);
        return new NamedHeader(sheet, header.get(), cols, problem);
    }

    /** What refuses the file: no header, or required columns missing. */
    public Optional<SheetError> problem() {
        return Optional.ofNullable(problem);
    }

    /** The header row (null when the sheet has none). */
    public DataRow row() {
        return row;
    }

    /** The columns found, by their header text (null when the sheet has no header). */
    public HeaderColumns<String> columns() {
        return columns;
    }

    /** The data rows below the header (blank rows left out), at most {@code maxRows}. */
    public List<DataRow> rowsBelow(int maxRows) {
        return sheet.dataRowsBelow(row, maxRows);
    }
}
