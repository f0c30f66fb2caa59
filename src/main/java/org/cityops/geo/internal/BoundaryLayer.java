package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The district (区) and street (街道/镇) boundaries of the city, derived from the grid layer: the org tree has names but
 * no shapes, and a grid never crosses a community, so the union of a street's grids is the street and the union of a
 * district's streets is the district. Coordinates are snapped to 1e-7° (≈ 1 cm) before the union so that grids meeting
 * with rounding noise still merge (coverage union; a general union where edges do not match), and collinear vertices
 * are dropped afterwards. Each area has a label point inside
 * it (JTS interior point of its largest part). Immutable; built once per grid index.
 */
public final class BoundaryLayer {

    public enum Level {
        DISTRICT,
        STREET
    }

    /** One boundary: the area's code and name, its (multi)polygon in WGS-84 lon/lat, and where its name goes. */
    public record Area(
            Level level,
            String code,
            String name,
            String districtCode,
            Geometry geometry,
            Coordinate labelPoint,
            int gridCount) {}

    public static final BoundaryLayer EMPTY = new BoundaryLayer(List.of(), null);

    private static final double SNAP = 1e7;
    private static final double SIMPLIFY_TOLERANCE = 1e-7;

    private final List<Area> areas;
    private final Envelope extent;

    private BoundaryLayer(List<Area> areas, Envelope extent) {
        this.areas = List.copyOf(areas);
        this.extent = extent;
    }

    /** Districts first (in code order), then streets (in code order). */
    public List<Area> areas() {
        return areas;
    }

    /** The box around every grid, or null for an empty layer. */
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }

    public static BoundaryLayer of(Collection<GridIndex.Entry> grids) {
        if (grids.isEmpty()) {
            return EMPTY;
        }
        GeometryPrecisionReducer snap = new GeometryPrecisionReducer(new PrecisionModel(SNAP));
        Map<String, List<Geometry>> byStreet = new TreeMap<>();
        Map<String, GridIndex.Entry> firstOfStreet = new TreeMap<>();
        Map<String, Integer> gridsOfStreet = new TreeMap<>();
        Envelope extent = new Envelope();
        for (GridIndex.Entry e : grids) {
            String street = e.location().streetCode();
            byStreet.computeIfAbsent(street, k -> new ArrayList<>()).add(snap.reduce(e.geometry()));
            firstOfStreet.putIfAbsent(street, e);
            gridsOfStreet.merge(street, 1, Integer::sum);
            extent.expandToInclude(e.geometry().getEnvelopeInternal());
        }
        List<Area> streets = new ArrayList<>();
        Map<String, List<Geometry>> byDistrict = new TreeMap<>();
        Map<String, String> districtNames = new TreeMap<>();
        Map<String, Integer> gridsOfDistrict = new TreeMap<>();
        for (Map.Entry<String, List<Geometry>> s : byStreet.entrySet()) {
            Geometry shape = merge(s.getValue());
            var loc = firstOfStreet.get(s.getKey()).location();
            int count = gridsOfStreet.get(s.getKey());
            streets.add(new Area(
                    Level.STREET, s.getKey(), loc.streetName(), loc.districtCode(), shape, labelPoint(shape), count));
            byDistrict
                    .computeIfAbsent(loc.districtCode(), k -> new ArrayList<>())
                    .add(shape);
            districtNames.putIfAbsent(loc.districtCode(), loc.districtName());
            gridsOfDistrict.merge(loc.districtCode(), count, Integer::sum);
        }
        List<Area> all = new ArrayList<>();
        for (Map.Entry<String, List<Geometry>> d : byDistrict.entrySet()) {
            Geometry shape = merge(d.getValue());
            all.add(new Area(
                    Level.DISTRICT,
                    d.getKey(),
                    districtNames.get(d.getKey()),
                    d.getKey(),
                    shape,
                    labelPoint(shape),
                    gridsOfDistrict.get(d.getKey())));
        }
        all.addAll(streets);
        return new BoundaryLayer(all, extent);
    }

    /**
     * The union of a polygonal coverage (grids that meet edge to edge, as the import rules ensure): coverage union only
     * drops the shared edges, which is many times faster than a general overlay; where edges do not match exactly (the
     * result is invalid or loses area), the general union.
     */
    private static Geometry merge(List<Geometry> parts) {
        double area = 0;
        for (Geometry g : parts) {
            area += g.getArea();
        }
        Geometry union;
        try {
            union = CoverageUnion.union(parts.toArray(Geometry[]::new));
            if (union == null || !union.isValid() || Math.abs(union.getArea() - area) > area * 1e-6) {
                union = UnaryUnionOp.union(parts);
            }
        } catch (RuntimeException e) {
            union = UnaryUnionOp.union(parts);
        }
        Geometry simple = TopologyPreservingSimplifier.simplify(union, SIMPLIFY_TOLERANCE);
        return simple instanceof Polygonal ? simple : union.buffer(0);
    }

    private static Coordinate labelPoint(Geometry shape) {
        Geometry largest = shape.getGeometryN(0);
        for (int i = 1; i < shape.getNumGeometries(); i++) {
            if (shape.getGeometryN(i).getArea() > largest.getArea()) {
                largest = shape.getGeometryN(i);
            }
        }
        Coordinate c = InteriorPointArea.getInteriorPoint(largest);
        return c == null ? shape.getCentroid().getCoordinate() : c;
    }
}
