package org.cityops.catalog.internal;

import org.cityops.catalog.CategoryKind;

/** What an administrator (or an import row) gives for a category. {@code active} null means true. */
public record CategoryDraft(
        String standard,
        CategoryKind kind,
        String code,
        String name,
        String majorCode,
        String majorName,
        String filingCondition,
        String closingCondition,
        Boolean active) {}
