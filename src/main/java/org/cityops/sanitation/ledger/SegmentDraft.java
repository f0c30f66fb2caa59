package org.cityops.sanitation.ledger;

/**
 * A road segment as entered or imported, not yet checked: {@code wkt} is a WGS-84 LINESTRING (lon lat).
 */
public record SegmentDraft(
        String code,
        String name,
        String grade,
        Double widthM,
        Boolean oneWay,
        String section,
        String company,
        String wkt) {}
