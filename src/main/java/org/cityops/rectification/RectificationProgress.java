package org.cityops.rectification;

import java.util.Map;
import java.util.Optional;

/**
 * How far the latest inspection's rectification has come, for other modules' overviews (the command-centre
 * wall). Applies the caller's ledger scope.
 */
public interface RectificationProgress {

    Optional<Overview> latest();

    /**
     * @param problemsByStatus problems per 整改状态
     * @param overdueMeasures  measures past their deadline and not done
     */
    record Overview(
            long inspectionId, String name, Map<ProblemStatus, Integer> problemsByStatus, int overdueMeasures) {}
}
