package org.cityops.geo.internal;

import org.springframework.stereotype.Component;

/**
 * The current {@link BoundaryLayer}: derived from the grid index the first time it is asked for and again whenever
 * the index has been replaced (an import), so a map sees boundaries that match the grids it draws.
 */
@Component
public class Boundaries {

    private record Memo(GridIndex index, BoundaryLayer layer) {
    }

    private final StrTreeGridLocator locator;
    private volatile Memo memo;

    Boundaries(StrTreeGridLocator locator) {
        this.locator = locator;
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
                m = new Memo(index, BoundaryLayer.of(index.entries()));
                memo = m;
            }
            return m.layer();
        }
    }
}
