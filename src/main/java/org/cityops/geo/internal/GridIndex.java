package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.geo.GridLocation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
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
    private final CellTable cells;
    private final List<Entry> entries;
    private final Map<String, Entry> byCode;

    public GridIndex(Collection<Entry> grids) {
        this.entries = new ArrayList<>(grids);
        this.entries.sort(Comparator.comparing(Entry::code));
        this.byCode = new HashMap<>(entries.size() * 2);
        this.tree = new STRtree();
        List<Item> items = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            byCode.put(e.code(), e);
            Item item = new Item(e);
            items.add(item);
            tree.insert(e.geometry().getEnvelopeInternal(), item);
        }
        tree.build();
        this.cells = CellTable.of(items);
    }

    public int size() {
        return entries.size();
    }

    /** Every grid, in code order (unmodifiable). */
    public List<Entry> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }

    public Optional<GridLocation> locate(double lat, double lon) {
        return Optional.ofNullable(locateOrNull(lat, lon));
    }

    /** The grid containing (or bordering) the point, or null. Where grids touch, the lowest code wins. */
    public GridLocation locateOrNull(double lat, double lon) {
        Entry found = cells == null ? null : cells.locate(lon, lat);
        return found == null ? null : found.location();
    }

    /** The same answer through the STRtree alone (kept for comparison in benchmarks and tests). */
    public GridLocation locateByTree(double lat, double lon) {
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
        private static final int SIMPLE_RING_MAX = 64;

        final Entry entry;
        final Envelope envelope;
        /** The shell of a hole-free polygon with few vertices (the usual grid), tested directly; else null. */
        final Coordinate[] ring;

        final IndexedPointInAreaLocator locator;

        Item(Entry entry) {
            this.entry = entry;
            Geometry g = entry.geometry();
            this.envelope = g.getEnvelopeInternal();
            if (g instanceof Polygon polygon
                    && polygon.getNumInteriorRing() == 0
                    && polygon.getExteriorRing().getNumPoints() <= SIMPLE_RING_MAX) {
                this.ring = polygon.getExteriorRing().getCoordinates();
                this.locator = null;
            } else {
                this.ring = null;
                this.locator = new IndexedPointInAreaLocator(g);
                this.locator.locate(g.getCoordinate());
            }
        }

        /** Inside or on the boundary. */
        boolean covers(Coordinate p) {
            if (ring != null) {
                return RayCrossingCounter.locatePointInRing(p, ring) != Location.EXTERIOR;
            }
            return locator.locate(p) != Location.EXTERIOR;
        }
    }

    /**
     * A uniform table of cells over the layer, each cell sized like an average grid and listing the grids whose
     * envelope meets it (flattened into arrays). A lookup is two multiplications, a short scan of one cell's
     * candidates by envelope, and one point-in-area test: no allocation, no tree walk.
     */
    private static final class CellTable {
        private static final int MAX_CELLS = 4_000_000;

        private final double minX;
        private final double minY;
        private final double cellW;
        private final double cellH;
        private final int cols;
        private final int rows;
        private final int[] start;
        private final Item[] members;

        private CellTable(
                double minX, double minY, double cellW, double cellH, int cols, int rows, int[] start, Item[] members) {
            this.minX = minX;
            this.minY = minY;
            this.cellW = cellW;
            this.cellH = cellH;
            this.cols = cols;
            this.rows = rows;
            this.start = start;
            this.members = members;
        }

        static CellTable of(List<Item> items) {
            if (items.isEmpty()) {
                return null;
            }
            Envelope all = new Envelope();
            double sumW = 0;
            double sumH = 0;
            for (Item i : items) {
                all.expandToInclude(i.envelope);
                sumW += i.envelope.getWidth();
                sumH += i.envelope.getHeight();
            }
            double cellW = Math.max(sumW / items.size(), all.getWidth() / 2000.0);
            double cellH = Math.max(sumH / items.size(), all.getHeight() / 2000.0);
            if (cellW <= 0 || cellH <= 0) {
                cellW = Math.max(all.getWidth(), 1e-9);
                cellH = Math.max(all.getHeight(), 1e-9);
            }
            int cols = Math.max(1, (int) Math.ceil(all.getWidth() / cellW));
            int rows = Math.max(1, (int) Math.ceil(all.getHeight() / cellH));
            while ((long) cols * rows > MAX_CELLS) {
                cellW *= 2;
                cellH *= 2;
                cols = Math.max(1, (int) Math.ceil(all.getWidth() / cellW));
                rows = Math.max(1, (int) Math.ceil(all.getHeight() / cellH));
            }
            int[] count = new int[cols * rows + 1];
            CellTable shape = new CellTable(all.getMinX(), all.getMinY(), cellW, cellH, cols, rows, null, null);
            for (Item i : items) {
                for (int r = shape.row(i.envelope.getMinY()); r <= shape.row(i.envelope.getMaxY()); r++) {
                    for (int c = shape.col(i.envelope.getMinX()); c <= shape.col(i.envelope.getMaxX()); c++) {
                        count[r * cols + c + 1]++;
                    }
                }
            }
            for (int k = 1; k < count.length; k++) {
                count[k] += count[k - 1];
            }
            int[] fill = count.clone();
            Item[] members = new Item[count[count.length - 1]];
            for (Item i : items) {
                for (int r = shape.row(i.envelope.getMinY()); r <= shape.row(i.envelope.getMaxY()); r++) {
                    for (int c = shape.col(i.envelope.getMinX()); c <= shape.col(i.envelope.getMaxX()); c++) {
                        members[fill[r * cols + c]++] = i;
                    }
                }
            }
            return new CellTable(all.getMinX(), all.getMinY(), cellW, cellH, cols, rows, count, members);
        }

        private int col(double x) {
            return Math.min(cols - 1, Math.max(0, (int) ((x - minX) / cellW)));
        }

        private int row(double y) {
            return Math.min(rows - 1, Math.max(0, (int) ((y - minY) / cellH)));
        }

        /** The lowest-coded grid containing or bordering (x, y), or null. */
        Entry locate(double x, double y) {
            if (x < minX || y < minY || x > minX + cols * cellW || y > minY + rows * cellH) {
                return null;
            }
            int cell = row(y) * cols + col(x);
            Coordinate point = null;
            Entry found = null;
            for (int k = start[cell], end = start[cell + 1]; k < end; k++) {
                Item item = members[k];
                if (!item.envelope.covers(x, y)
                        || (found != null && item.entry.code().compareTo(found.code()) >= 0)) {
                    continue;
                }
                if (point == null) {
                    point = new Coordinate(x, y);
                }
                if (item.covers(point)) {
                    found = item.entry;
                }
            }
            return found;
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
            if ((found == null || e.code().compareTo(found.code()) < 0) && item.covers(point)) {
                found = e;
            }
        }
    }
}
