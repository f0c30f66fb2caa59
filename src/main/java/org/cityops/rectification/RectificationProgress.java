package org.cityops.rectification;

import java.util.Map;
import java.util.Optional;
import org.cityops.org.StaffMember;

/**
 * How far the latest inspection's rectification has come, for other modules' overviews (the command-centre
 * wall). Applies the ledger scope of the actor the caller passes.
 */
public interface RectificationProgress {

    /** The latest inspection {@code actor} may see, with the problems and measures in its ledger scope. */
    Optional<Overview> latest(StaffMember actor);

    /**
     * @param problemsByStatus problems per 整改状态
     * @param overdueMeasures  measures past their deadline and not done
     */
    record Overview(
            long inspectionId, String name, Map<ProblemStatus, Integer> problemsByStatus, int overdueMeasures) {}
}
