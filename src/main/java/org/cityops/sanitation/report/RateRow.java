package org.cityops.sanitation.report;

/**
 * 机械化作业覆盖率 of one group (district, 标段 or company) over a period: machine-covered carriageway area ÷ area
 * to be cleaned, both summed over the planned segment-days (see docs/sanitation.md).
 */
public record RateRow(String group, String groupLabel, int segmentDays, double plannedAreaM2, double coveredAreaM2) {

    /** 0..1; 0 when nothing was planned. */
    public double rate() {
        return plannedAreaM2 <= 0 ? 0 : coveredAreaM2 / plannedAreaM2;
    }
}
