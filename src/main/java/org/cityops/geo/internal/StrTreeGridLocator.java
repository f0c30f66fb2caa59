package org.cityops.geo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cityops.geo.GridCode;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.ClusterChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The {@link GridLocator}: lookups go to the current {@link GridIndex}, which is built from the database at
 * start-up and rebuilt after every import; the new index is built completely and then swapped in with one
 * reference write, so a lookup sees either the old layer or the new one, never a half-built index. Names of
 * community, street and district are resolved from {@link OrgDirectory} when the index is built. Several app nodes:
 * an import is announced ({@link ClusterChanges}, topic {@value #TOPIC}) and every other node rebuilds its index within
 * one {@code cityops.cluster.sync-interval} (else it would place new reports in the old grids until it restarts).
 */
@Component
public class StrTreeGridLocator implements GridLocator, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StrTreeGridLocator.class);

    private final AtomicReference<GridIndex> current = new AtomicReference<>(GridIndex.EMPTY);
    private final GridRepository grids;
    private final OrgDirectory org;
    private final ClusterChanges cluster;

    static final String TOPIC = "geo-grids";

    StrTreeGridLocator(GridRepository grids, OrgDirectory org, ClusterChanges cluster) {
        this.grids = grids;
        this.org = org;
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, imported -> rebuild());
    }

    /** A new layer has been committed on this node: rebuilds the index here and has the other nodes rebuild theirs. */
    void imported() {
        cluster.announce(TOPIC, "layer");
        rebuild();
    }

    @Override
    public void afterSingletonsInstantiated() {
        rebuild();
    }

    @Override
    public Optional<GridLocation> locate(double lat, double lon) {
        return current.get().locate(lat, lon);
    }

    /** The index lookups use now. */
    public GridIndex index() {
        return current.get();
    }

    /** Reads the layer from the database, builds a new index and swaps it in. */
    public synchronized GridIndex rebuild() {
        long start = System.nanoTime();
        List<StoredGrid> rows = grids.findAll();
        Map<String, String> names = new HashMap<>();
        List<GridIndex.Entry> entries = new ArrayList<>(rows.size());
        for (StoredGrid row : rows) {
            GridCode code = new GridCode(row.code());
            GridLocation location = new GridLocation(
                    code.value(),
                    code.communityCode(),
                    names.computeIfAbsent(code.communityCode(), org::nameOf),
                    code.streetCode(),
                    names.computeIfAbsent(code.streetCode(), org::nameOf),
                    code.districtCode(),
                    names.computeIfAbsent(code.districtCode(), org::nameOf));
            entries.add(GridIndex.Entry.of(GridGeometry.fromWkt(row.wkt()), location));
        }
        GridIndex next = new GridIndex(entries);
        current.set(next);
        log.info("Grid index built: {} grids in {} ms", next.size(), (System.nanoTime() - start) / 1_000_000);
        return next;
    }
}
