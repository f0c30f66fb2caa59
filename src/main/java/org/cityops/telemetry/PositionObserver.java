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

    /**
     * Several nodes: the terminals whose positions this node receives now (all of them in the default direct
     * mode, where this is never called). An observer that also acts without positions (a clock tick, e.g. the
     * muck engine's offline alarm) acts only for these, so two nodes never raise the same alarm. Called whenever
     * the node's partitions change, on the persistence thread.
     */
    default void onTerminalsOwned(Predicate<String> terminals) {}
}
