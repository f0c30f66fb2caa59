package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.geo.GridLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable, fully built spatial index of the grid layer: an STRtree over the grids' envelopes, with a
 * {@link PreparedGeometry} per grid for the point-in-polygon test, and the names of community, street and
 * district resolved once when the index is built. Safe for concurrent lookups; a new layer means a new index.
 */
public final class GridIndex {

    /** One grid in the index. */
    public record Entry(String code, Geometry geometry, PreparedGeometry prepared, GridLocation location) {

        public static Entry of(Geometry geometry, GridLocation location) {
            return new Entry(location.gridCode(), geometry, PreparedGeometryFactory.prepare(geometry), location);
        }
    }

    public static final GridIndex EMPTY = new GridIndex(List.of());

    private final STRtree tree;
    private final List<Entry> entries;
    private final Map<String, Entry> byCode;

    public GridIndex(Collection<Entry> grids) {
        this.entries = new ArrayList<>(grids);
        this.entries.sort(Comparator.comparing(Entry::code));
        this.byCode = new HashMap<>(entries.size() * 2);
        this.tree = new STRtree();
        for (Entry e : entries) {
            byCode.put(e.code(), e);
            tree.insert(e.geometry().getEnvelopeInternal(), new Item(e));
        }
        tree.build();
    }

    public int size() {
        return entries.size();
    }

    public Optional<GridLocation> locate(double lat, double lon) {
        return Optional.ofNullable(locateOrNull(lat, lon));
    }

    /** The grid containing (or bordering) the point, or null. Where grids touch, the lowest code wins. */
    public GridLocation locateOrNull(double lat, double lon) {
        FirstHit hit = new FirstHit(new Coordinate(lon, lat));
        tree.query(new Envelope(lon, lon, lat, lat), hit);
        return hit.found == null ? null : hit.found.location();
    }

    /** The same answer by testing every grid in code order, without the tree (for benchmarks). */
    public GridLocation locateByScan(double lat, double lon) {
        Point point = GridGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
        for (Entry e : entries) {
            if (e.prepared().intersects(point)) {
                return e.location();
            }
        }
        return null;
    }

    public Optional<Entry> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Grids whose envelope meets the box, in code order. */
    public List<Entry> query(Envelope box) {
        List<Entry> found = new ArrayList<>();
        tree.query(box, item -> found.add(((Item) item).entry));
        found.sort(Comparator.comparing(Entry::code));
        return found;
    }

    /**
     * What the tree holds: a grid and its point-in-area locator (an interval index over the polygon's edges,
     * built once here so that lookups from many threads only read it).
     */
    private static final class Item {
        final Entry entry;
        final IndexedPointInAreaLocator locator;

        Item(Entry entry) {
            this.entry = entry;
            this.locator = new IndexedPointInAreaLocator(entry.geometry());
            this.locator.locate(entry.geometry().getCoordinate());
        }
    }

    private static final class FirstHit implements ItemVisitor {
        private final Coordinate point;
        Entry found;

        FirstHit(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object object) {
            Item item = (Item) object;
            Entry e = item.entry;
            if ((found == null || e.code().compareTo(found.code()) < 0)
                    && item.locator.locate(point) != Location.EXTERIOR) {
                found = e;
            }
        }
    }
}
