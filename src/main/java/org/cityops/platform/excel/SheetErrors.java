package org.cityops.platform.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The problems found while reading an upload, in the order found. An all-or-nothing import reads every row,
 * collects here, and applies nothing unless this stays empty; {@link #map} gives the errors in the shape the
 * importer's response already has.
 */
public final class SheetErrors {

    private final List<SheetError> errors = new ArrayList<>();

    /** A problem of one row (its sheet and Excel row number come from the row). */
    public void add(DataRow row, String column, String message) {
        errors.add(new SheetError(row.sheet(), row.number(), column, message));
    }

    public void add(String sheet, Integer row, String column, String message) {
        errors.add(new SheetError(sheet, row, column, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<SheetError> list() {
        return List.copyOf(errors);
    }

    /** The errors in another shape, e.g. {@code errors.map(e -> new RowError(e.row(), e.column(), e.message()))}. */
    public <T> List<T> map(Function<SheetError, T> shape) {
        return errors.stream().map(shape).toList();
    }
}
