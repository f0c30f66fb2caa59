package org.cityops.telemetry;

import java.util.List;
import java.util.function.Predicate;

/**
 * Receives every batch of positions after it is durable, on the gateway's persistence thread (keep it fast;
 * hand heavy work off). Implemented by modules that watch vehicles, e.g. the muck alarm engine.
 */
public interface PositionObserver {

    void onPositions(List<Position> batch);

    /**
     * Several nodes ({@code cityops.telemetry.log=jetstream}): the positions of the terminals matching
     * {@code terminals} now come to this node (it took over their log partition from another node, which may have
     * died). Reload whatever per-vehicle state is kept for them from the database before the next
     * {@link #onPositions}, which follows on the same thread. Called on the persistence thread; the default keeps
     * nothing per vehicle.
     */
    default void onTerminalsTaken(Predicate<String> terminals) {}
}
