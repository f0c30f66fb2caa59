package org.cityops.geo.internal;

import java.util.List;

/** What the GeoJSON reader made of a file: the features it could read and the problems of the others. */
public record ParsedLayer(int featureCount, List<GridFeature> features, List<FeatureProblem> problems) {

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
