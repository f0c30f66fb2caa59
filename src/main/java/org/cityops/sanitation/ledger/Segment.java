package org.cityops.sanitation.ledger;

/** A road segment of the ledger (道路清扫保洁台账), as lists, pages and exports show it. */
public record Segment(
        long id,
        String code,
        String name,
        RoadGrade grade,
        String gradeLabel,
        double widthM,
        double lengthM,
        double areaM2,
        boolean oneWay,
        String section,
        String company,
        String districtCode,
        boolean synthetic,
        String wkt) {}
