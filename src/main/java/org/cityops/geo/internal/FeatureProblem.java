package org.cityops.geo.internal;

/**
 * Why one feature of an import was rejected.
 *
 * @param index  0-based position of the feature in {@code features}, or -1 for the file as a whole
 * @param code   the feature's grid code as given, or null when it has none
 * @param field  JSON path of the offending member, e.g. {@code features[3].geometry.coordinates[0]}
 * @param reason what is wrong (Chinese and English)
 */
public record FeatureProblem(int index, String code, String field, String reason) {

    static FeatureProblem ofFile(String field, String reason) {
        return new FeatureProblem(-1, null, field, reason);
    }
}
