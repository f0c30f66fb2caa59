package org.cityops.stats.internal;

/** The roll-up took in something new about a case (in-process signal for the wallboard's stream). */
public record RollupChanged(long caseId, String districtCode) {}
