package org.cityops.geo.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The current {@link BoundaryLayer}: derived from the grid index the first time it is asked for and again whenever
 * the index has been replaced (an import), so a map sees boundaries that match the grids it draws.
 */
@Component
public class Boundaries {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Boundaries.class);

    private record Memo(GridIndex index, BoundaryLayer layer) {}

    private final StrTreeGridLocator locator;
    private volatile Memo memo;

    Boundaries(StrTreeGridLocator locator) {
        this.locator = locator;
    }

    /** Derives the boundaries once the application is up (the demo layer is seeded by then), off the main thread. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread t = new Thread(this::current, "boundaries-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public BoundaryLayer current() {
        GridIndex index = locator.index();
        Memo m = memo;
        if (m != null && m.index() == index) {
            return m.layer();
        }
        synchronized (this) {
            m = memo;
            if (m == null || m.index() != index) {
                long start = System.nanoTime();
                m = new Memo(index, BoundaryLayer.of(index.entries()));
                memo = m;
                log.info(
                        "Boundaries derived: {} districts and streets from {} grids in {} ms",
                        m.layer().areas().size(),
                        index.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return m.layer();
        }
    }
}
