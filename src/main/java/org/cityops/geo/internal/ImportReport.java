package org.cityops.geo.internal;

import java.util.List;

/**
 * Outcome of a grid import. Imports are all-or-nothing: when {@code problems} is not empty nothing was written.
 *
 * @param importId batch id when accepted, else null
 * @param removed  grids removed (replace mode)
 * @param problems every rejected feature with index, code, field and reason (at most {@link #MAX_PROBLEMS})
 * @param moreProblems problems beyond those listed
 */
public record ImportReport(
        boolean accepted,
        String mode,
        int featureCount,
        int imported,
        int removed,
        Long importId,
        List<FeatureProblem> problems,
        int moreProblems) {

    public static final int MAX_PROBLEMS = 1000;

    static ImportReport rejected(ImportMode mode, int featureCount, List<FeatureProblem> problems) {
        List<FeatureProblem> listed = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        return new ImportReport(
                false, mode.name(), featureCount, 0, 0, null, List.copyOf(listed), problems.size() - listed.size());
    }
}
