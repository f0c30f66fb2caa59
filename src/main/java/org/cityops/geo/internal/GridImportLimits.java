package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How large a grid import may be, checked before any feature is validated (validation compares every grid with
 * its neighbours, so its cost grows with features and vertices): the file's bytes
 * ({@code cityops.geo.import.max-bytes}, 10 MB), its features ({@code max-features}, 20,000), the positions of one
 * feature ({@code max-feature-vertices}, 20,000) and of the whole file ({@code max-vertices}, 1,000,000). A file
 * over a limit is rejected like any other bad file, with a problem naming the limit it exceeded.
 */
@Component
public class GridImportLimits {

    private final long maxBytes;
    private final int maxFeatures;
    private final int maxFeatureVertices;
    private final long maxVertices;

    @Autowired
    GridImportLimits(
            @Value("${cityops.geo.import.max-bytes:10MB}") DataSize maxBytes,
            @Value("${cityops.geo.import.max-features:20000}") int maxFeatures,
            @Value("${cityops.geo.import.max-feature-vertices:20000}") int maxFeatureVertices,
            @Value("${cityops.geo.import.max-vertices:1000000}") long maxVertices) {
        this(maxBytes.toBytes(), maxFeatures, maxFeatureVertices, maxVertices);
    }

    public GridImportLimits(long maxBytes, int maxFeatures, int maxFeatureVertices, long maxVertices) {
        this.maxBytes = maxBytes;
        this.maxFeatures = maxFeatures;
        this.maxFeatureVertices = maxFeatureVertices;
        this.maxVertices = maxVertices;
    }

    /** The file is refused unread when it is larger than {@code max-bytes}. */
    public Optional<FeatureProblem> checkBytes(long bytes) {
        if (bytes <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(FeatureProblem.ofFile(
                "body",
                "文件过大：" + bytes + " 字节，上限 " + maxBytes + " 字节（max-bytes） file too large: " + bytes
                        + " bytes, the limit (max-bytes) is " + maxBytes));
    }

    /** Problems of a read file that exceeds the feature or vertex limits (empty when it is within them). */
    public List<FeatureProblem> check(ParsedLayer layer) {
        List<FeatureProblem> problems = new ArrayList<>();
        if (layer.featureCount() > maxFeatures) {
            problems.add(FeatureProblem.ofFile(
                    "features",
                    "要素过多：" + layer.featureCount() + " 个，上限 " + maxFeatures
                            + " 个（max-features） too many features: " + layer.featureCount()
                            + ", the limit (max-features) is "
                            + maxFeatures));
        }
        long total = 0;
        for (GridFeature f : layer.features()) {
            int n = f.geometry().getNumPoints();
            total += n;
            if (n > maxFeatureVertices) {
                problems.add(new FeatureProblem(
                        f.index(),
                        f.code(),
                        "features[" + f.index() + "].geometry",
                        "顶点过多：" + n + " 个，单个网格上限 " + maxFeatureVertices + " 个（max-feature-vertices） too many "
                                + "vertices: " + n + ", the limit for one grid (max-feature-vertices) is "
                                + maxFeatureVertices));
            }
        }
        if (total > maxVertices) {
            problems.add(FeatureProblem.ofFile(
                    "features",
                    "顶点总数过多：" + total + " 个，上限 " + maxVertices
                            + " 个（max-vertices） too many vertices in the file: " + total
                            + ", the limit (max-vertices) is "
                            + maxVertices));
        }
        return problems;
    }
}
