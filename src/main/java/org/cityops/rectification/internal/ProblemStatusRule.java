package org.cityops.rectification.internal;

import java.util.Collection;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;

/**
 * Derives a problem's status from its measures (the written-down rule, see docs/rectification.md):
 * <ul>
 * <li>no measure, or every measure 未启动 → 未启动 (NOT_STARTED)</li>
 * <li>every measure 已完成 → 已整改到位 (RECTIFIED)</li>
 * <li>at least half of the measures 已完成 → 取得明显成效 (SIGNIFICANT_PROGRESS)</li>
 * <li>otherwise (some measure started) → 取得初步成效 (INITIAL_PROGRESS)</li>
 * </ul>
 * A leader may override the derived status with a justification; the override is kept beside it.
 */
public final class ProblemStatusRule {

    private ProblemStatusRule() {}

    public static ProblemStatus derive(Collection<MeasureStatus> measures) {
        if (measures.isEmpty()) {
            return ProblemStatus.NOT_STARTED;
        }
        long completed =
                measures.stream().filter(s -> s == MeasureStatus.COMPLETED).count();
        long notStarted =
                measures.stream().filter(s -> s == MeasureStatus.NOT_STARTED).count();
        if (completed == measures.size()) {
            return ProblemStatus.RECTIFIED;
        }
        if (notStarted == measures.size()) {
            return ProblemStatus.NOT_STARTED;
        }
        if (completed * 2 >= measures.size()) {
            return ProblemStatus.SIGNIFICANT_PROGRESS;
        }
        return ProblemStatus.INITIAL_PROGRESS;
    }
}
