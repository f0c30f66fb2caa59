package org.cityops.catalog.internal;

import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.CategoryView;

/** A case category (小类) as the catalogue keeps it. */
public record Category(
        long id,
        String standard,
        CategoryKind kind,
        String code,
        String qualifiedCode,
        String name,
        String majorCode,
        String majorName,
        String filingCondition,
        String closingCondition,
        boolean active,
        int version) {

    public CategoryView view() {
        return new CategoryView(
                id, standard, kind, code, qualifiedCode, name, majorName, filingCondition, closingCondition, active);
    }

    public String majorSelector() {
        return CategoryCodes.majorSelector(standard, kind, majorCode);
    }

    public String summary() {
        return qualifiedCode + " " + name + " [" + majorCode + " " + majorName + "] active=" + active + " 立案条件="
                + filingCondition + " 结案条件=" + closingCondition;
    }
}
