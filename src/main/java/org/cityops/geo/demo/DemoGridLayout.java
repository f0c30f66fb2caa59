package org.cityops.geo.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cityops.geo.GridCode;
import org.cityops.geo.internal.GridFeature;
import org.cityops.geo.internal.GridGeometry;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates the SYNTHETIC demo grid layer from the administrative tree: for each district patch of
 * {@link DemoGrids#PATCHES}, its communities (streets in code order, then their communities in code order) get
 * one block of cells each; cells are numbered west → east, north → south within the community. Deterministic.
 */
public final class DemoGridLayout {

    public static final String REMARK = "合成演示网格 synthetic demo grid";

    private DemoGridLayout() {}

    public static List<GridFeature> generate(OrgDirectory org) {
        List<GridFeature> features = new ArrayList<>();
        for (DemoGrids.Patch patch : DemoGrids.PATCHES) {
            List<String> communities = new ArrayList<>();
            for (OrgUnitView street : sorted(org.children(patch.districtCode()))) {
                for (OrgUnitView community : sorted(org.children(street.code()))) {
                    communities.add(community.code());
                }
            }
            for (int k = 0; k < communities.size(); k++) {
                int col0 = patch.col() + (k % patch.blocksPerRow()) * patch.blockCols();
                int row0 = patch.row() + (k / patch.blocksPerRow()) * patch.blockRows();
                int seq = 1;
                for (int r = 0; r < patch.blockRows(); r++) {
                    for (int c = 0; c < patch.blockCols(); c++) {
                        String code = GridCode.of(communities.get(k), seq++).value();
                        features.add(
                                new GridFeature(features.size(), code, cell(patch, col0 + c, row0 + r), null, REMARK));
                    }
                }
            }
        }
        return features;
    }

    private static List<OrgUnitView> sorted(List<OrgUnitView> units) {
        List<OrgUnitView> copy = new ArrayList<>(units);
        copy.sort(Comparator.comparing(OrgUnitView::code));
        return copy;
    }

    static Polygon cell(DemoGrids.Patch p, int col, int row) {
        double w = p.lonOf(col);
        double e = p.lonOf(col + 1);
        double n = p.latOf(row);
        double s = p.latOf(row + 1);
        return GridGeometry.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(w, n), new Coordinate(e, n), new Coordinate(e, s), new Coordinate(w, s), new Coordinate(w, n)
        });
    }
}
