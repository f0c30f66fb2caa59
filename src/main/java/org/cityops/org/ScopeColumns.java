package org.cityops.org;

/**
 * The columns of one table that {@link ScopeFilter#sql} filters on; a null column is a dimension the table does not
 * have. {@code district} and {@code street} are optional exact-code columns used instead of a {@code LIKE} on
 * {@code area} when the prefix is a whole district (6 digits) or street (9 digits), so an index on them serves.
 */
public record ScopeColumns(String area, String district, String street, String department, String owner) {

    /** A table placed by one area code column. */
    public static ScopeColumns area(String areaColumn) {
        return new ScopeColumns(areaColumn, null, null, null, null);
    }

    /** A table placed by one department column. */
    public static ScopeColumns department(String departmentColumn) {
        return new ScopeColumns(null, null, null, departmentColumn, null);
    }

    /** The same columns, each prefixed with a table alias such as {@code "c."}. */
    public ScopeColumns alias(String alias) {
        return new ScopeColumns(
                prefixed(alias, area),
                prefixed(alias, district),
                prefixed(alias, street),
                prefixed(alias, department),
                prefixed(alias, owner));
    }

    private static String prefixed(String alias, String column) {
        return column == null ? null : alias + column;
    }
}
