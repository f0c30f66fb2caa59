package org.cityops.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.geo.demo.DemoGrids;
import org.cityops.geo.internal.GridGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class GridGeometryTests {

    private static Polygon square(double x, double y, double d) {
        return GridGeometry.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + d, y),
            new Coordinate(x + d, y + d),
            new Coordinate(x, y + d),
            new Coordinate(x, y)
        });
    }

    @Test
    void wktRoundTripsExactlyEvenForTinyOrdinates() {
        Geometry multi = GridGeometry.FACTORY.createMultiPolygon(
                new Polygon[] {square(0.00001, -0.00002, 0.00001), square(119.95000000000001, 31.78, 0.00106)});
        Geometry back = GridGeometry.fromWkt(GridGeometry.toWkt(multi));
        assertThat(back.equalsExact(multi)).isTrue();
    }

    @Test
    void aDemoCellIsAboutTenThousandSquareMetres() {
        double area = GridGeometry.areaM2(square(119.95, 31.78, 0).getFactory().createPolygon(new Coordinate[] {
            new Coordinate(119.95, 31.78),
            new Coordinate(119.95 + DemoGrids.CELL_DLON, 31.78),
            new Coordinate(119.95 + DemoGrids.CELL_DLON, 31.78 - DemoGrids.CELL_DLAT),
            new Coordinate(119.95, 31.78 - DemoGrids.CELL_DLAT),
            new Coordinate(119.95, 31.78)
        }));
        assertThat(area).isBetween(9_800.0, 10_200.0);
    }
}
