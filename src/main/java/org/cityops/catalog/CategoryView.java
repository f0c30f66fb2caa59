package org.cityops.catalog;

/**
 * A case category (小类) as other modules see it.
 *
 * @param standard         e.g. {@code GB/T 47678.5} or {@code GB/T 30428.2} or {@code LOCAL}
 * @param code             the code within its standard and kind (5 digits for 47678.5, 4 for 30428.2)
 * @param qualifiedCode    the catalogue-wide unique key external callers may use, see {@link Catalog#resolve}
 * @param majorName        大类 name
 * @param filingCondition  立案条件
 * @param closingCondition 结案条件
 */
public record CategoryView(
        long id,
        String standard,
        CategoryKind kind,
        String code,
        String qualifiedCode,
        String name,
        String majorName,
        String filingCondition,
        String closingCondition,
        boolean active) {}
