package org.cityops.cases.internal;

import java.util.List;

/** A page of rows; {@code total} is capped (counting stops at {@code CaseQueries.COUNT_CAP}), see {@code totalCapped}. */
public record CasePage(List<CaseRow> items, int page, int size, long total, boolean totalCapped) {}
