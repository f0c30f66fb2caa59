package org.cityops.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.bench.geo.SyntheticGridLayer;
import org.cityops.geo.GridLocation;
import org.junit.jupiter.api.Test;

class GridIndexTests {

    @Test
    void theCellTableGivesTheSameGridAsTheTreeAndTheScanForEveryPoint() {
        SyntheticGridLayer layer = new SyntheticGridLayer(40); // 1,600 irregular grids with jittered shared corners
        GridIndex index = layer.index();
        double[][] points = layer.points(1 << 14, 11);
        int inside = 0;
        for (double[] p : points) {
            GridLocation byCells = index.locateOrNull(p[0], p[1]);
            GridLocation byTree = index.locateByTree(p[0], p[1]);
            GridLocation byScan = index.locateByScan(p[0], p[1]);
            assertThat(byCells).isEqualTo(byTree);
            assertThat(byCells).isEqualTo(byScan);
            if (byCells != null) {
                inside++;
            }
        }
        assertThat(inside).as("most points fall in a grid").isGreaterThan(points.length * 3 / 4);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(GridIndex.EMPTY.locateOrNull(31.78, 119.95)).isNull();
    }
}
