package org.cityops.catalog.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;

/**
 * Our own default time limits (not the standard's: it gives no numbers we could verify), the same values as
 * migration V5_001 seeds into catalog_default_limit. Used only when that table lacks a row.
 * 一般 and 紧急 run in working time, 特急 in natural time.
 */
public final class BuiltInLimits {

    private BuiltInLimits() {}

    public static TimeLimit of(ProcessStage stage, Urgency urgency) {
        long[] minutes = MINUTES.get(stage);
        long m = minutes[urgency.ordinal()];
        return new TimeLimit(
                Duration.ofMinutes(m), urgency == Urgency.CRITICAL ? TimeBasis.NATURAL : TimeBasis.WORKING);
    }

    private static final Map<ProcessStage, long[]> MINUTES = new EnumMap<>(ProcessStage.class);

    static {
        MINUTES.put(ProcessStage.VERIFY, new long[] {60, 30, 30});
        MINUTES.put(ProcessStage.FILE, new long[] {60, 30, 30});
        MINUTES.put(ProcessStage.DISPATCH, new long[] {60, 30, 30});
        MINUTES.put(ProcessStage.HANDLE, new long[] {480, 240, 120});
        MINUTES.put(ProcessStage.CHECK, new long[] {240, 120, 60});
        MINUTES.put(ProcessStage.CLOSE, new long[] {120, 60, 60});
    }
}
