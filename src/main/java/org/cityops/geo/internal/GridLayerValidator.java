package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.geo.GridCode;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules a grid layer must follow before anything is written (划分原则: 属地管理, 无缝拼接 …): a well-formed
 * 15-digit code whose district, street and community exist in the administrative tree; a valid polygon
 * (JTS {@link IsValidOp}); a positive area; no code twice (in the file, or against the stored layer when
 * appending); and no two grids overlapping by more than {@link #OVERLAP_TOLERANCE_M2} (sharing an edge is fine).
 */
public class GridLayerValidator {

    /** Overlap area tolerated between two grids, in m² (rounding along shared edges). */
    public static final double OVERLAP_TOLERANCE_M2 = 1.0;

    private final OrgDirectory org;

    public GridLayerValidator(OrgDirectory org) {
        this.org = org;
    }

    /** A grid already stored, for checks in append mode. */
    public record ExistingGrid(String code, Geometry geometry) {}

    /**
     * @param features the features read from the file
     * @param existing the stored grids the features must not collide with (empty when replacing the layer)
     * @return the problems, ordered by feature index; empty when the layer may be imported
     */
    public List<FeatureProblem> validate(List<GridFeature> features, List<ExistingGrid> existing) {
        List<FeatureProblem> problems = new ArrayList<>();
        Map<String, String> communityProblems = new HashMap<>();
        Map<String, Integer> firstIndexOfCode = new HashMap<>();
        Map<String, ExistingGrid> existingByCode = new HashMap<>();
        for (ExistingGrid e : existing) {
            existingByCode.put(e.code(), e);
        }
        List<GridFeature> geometricallyValid = new ArrayList<>();
        for (GridFeature f : features) {
            String base = "features[" + f.index() + "]";
            String codeProblem = GridCode.problemWith(f.code());
            if (codeProblem != null) {
                problems.add(new FeatureProblem(f.index(), f.code(), base + ".properties.code", codeProblem));
            } else {
                GridCode code = new GridCode(f.code());
                String orgProblem = communityProblems.computeIfAbsent(code.communityCode(), c -> orgProblem(code));
                if (!orgProblem.isEmpty()) {
                    problems.add(new FeatureProblem(f.index(), f.code(), base + ".properties.code", orgProblem));
                }
                Integer first = firstIndexOfCode.putIfAbsent(f.code(), f.index());
                if (first != null) {
                    problems.add(new FeatureProblem(
                            f.index(),
                            f.code(),
                            base + ".properties.code",
                            "网格编码重复（同第 " + first + " 个要素） duplicate code, also used by feature " + first));
                } else if (existingByCode.containsKey(f.code())) {
                    problems.add(new FeatureProblem(
                            f.index(),
                            f.code(),
                            base + ".properties.code",
                            "网格编码已存在 code already exists in the grid layer (use mode=replace to replace the layer)"));
                }
            }
            String geometryProblem = geometryProblem(f.geometry());
            if (geometryProblem != null) {
                problems.add(new FeatureProblem(f.index(), f.code(), base + ".geometry", geometryProblem));
            } else {
                geometricallyValid.add(f);
            }
        }
        problems.addAll(overlaps(geometricallyValid, existing));
        problems.sort(Comparator.comparingInt(FeatureProblem::index));
        return problems;
    }

    private String orgProblem(GridCode code) {
        Optional<OrgUnitView> community = org.unit(code.communityCode());
        if (community.isEmpty() || community.get().kind() != OrgUnitKind.COMMUNITY) {
            return "社区 " + code.communityCode() + " 不存在 community " + code.communityCode() + " does not exist";
        }
        Optional<OrgUnitView> street = org.unit(code.streetCode());
        if (street.isEmpty()
                || street.get().kind() != OrgUnitKind.STREET
                || !code.streetCode().equals(community.get().parentCode())) {
            return "街道 " + code.streetCode() + " 不存在或不含该社区 street " + code.streetCode()
                    + " does not exist or does not contain the community";
        }
        Optional<OrgUnitView> district = org.unit(code.districtCode());
        if (district.isEmpty()
                || district.get().kind() != OrgUnitKind.DISTRICT
                || !code.districtCode().equals(street.get().parentCode())) {
            return "区 " + code.districtCode() + " 不存在或不含该街道 district " + code.districtCode()
                    + " does not exist or does not contain the street";
        }
        return "";
    }

    static String geometryProblem(Geometry g) {
        IsValidOp op = new IsValidOp(g);
        if (!op.isValid()) {
            TopologyValidationError err = op.getValidationError();
            String at = err.getCoordinate() == null
                    ? ""
                    : " at [" + err.getCoordinate().x + ", " + err.getCoordinate().y + "]";
            return "多边形无效 invalid polygon: " + err.getMessage() + at;
        }
        if (GridGeometry.areaM2(g) < OVERLAP_TOLERANCE_M2) {
            return "多边形面积为零 polygon has no area";
        }
        return null;
    }

    /** Candidate pairs from an STRtree over envelopes; a pair is reported on its later feature. */
    private static List<FeatureProblem> overlaps(List<GridFeature> features, List<ExistingGrid> existing) {
        List<FeatureProblem> problems = new ArrayList<>();
        STRtree tree = new STRtree();
        for (GridFeature f : features) {
            tree.insert(f.geometry().getEnvelopeInternal(), f);
        }
        STRtree existingTree = new STRtree();
        for (ExistingGrid e : existing) {
            existingTree.insert(e.geometry().getEnvelopeInternal(), e);
        }
        for (GridFeature f : features) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(f.geometry());
            String field = "features[" + f.index() + "].geometry";
            for (Object o : tree.query(f.geometry().getEnvelopeInternal())) {
                GridFeature other = (GridFeature) o;
                if (other.index() < f.index()) {
                    double overlap = overlapM2(prepared, f.geometry(), other.geometry());
                    if (overlap > OVERLAP_TOLERANCE_M2) {
                        problems.add(new FeatureProblem(
                                f.index(),
                                f.code(),
                                field,
                                String.format(
                                        "与第 %d 个要素 (%s) 重叠 %.1f m² overlaps feature %d (%s) by %.1f m²",
                                        other.index(), other.code(), overlap, other.index(), other.code(), overlap)));
                        break;
                    }
                }
            }
            for (Object o : existingTree.query(f.geometry().getEnvelopeInternal())) {
                ExistingGrid other = (ExistingGrid) o;
                if (other.code().equals(f.code())) {
                    continue; // reported as a duplicate code already
                }
                double overlap = overlapM2(prepared, f.geometry(), other.geometry());
                if (overlap > OVERLAP_TOLERANCE_M2) {
                    problems.add(new FeatureProblem(
                            f.index(),
                            f.code(),
                            field,
                            String.format(
                                    "与已有网格 %s 重叠 %.1f m² overlaps existing grid %s by %.1f m²",
                                    other.code(), overlap, other.code(), overlap)));
                    break;
                }
            }
        }
        return problems;
    }

    /**
     * Overlap area in m². The overlap can be no larger than the overlap of the envelopes, so neighbours that only
     * share an edge (the common case) are dismissed without any topology work.
     */
    private static double overlapM2(PreparedGeometry prepared, Geometry a, Geometry b) {
        Envelope common = a.getEnvelopeInternal().intersection(b.getEnvelopeInternal());
        if (common.isNull()
                || common.getArea() * GridGeometry.squareMetresPerSquareDegree(common) <= OVERLAP_TOLERANCE_M2) {
            return 0;
        }
        if (!prepared.intersects(b)) {
            return 0;
        }
        return GridGeometry.areaM2(a.intersection(b));
    }
}
