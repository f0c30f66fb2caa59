package org.cityops.rectification.internal.imports;

/**
 * One problem found in an import file.
 *
 * @param row   the spreadsheet row (1-based, as Excel shows it) or the JSON path, e.g. categories[2].problems[0]
 * @param field the column or key, e.g. 整改时限 or deadline
 */
public record ImportError(String row, String field, String message) {

    @Override
    public String toString() {
        return row + (field == null ? "" : " [" + field + "]") + ": " + message;
    }
}
