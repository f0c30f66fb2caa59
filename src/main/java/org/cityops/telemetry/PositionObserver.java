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
     * As {@link #onPositions(List)}, and calls {@code observed} once the batch's effects are durable (for an
     * observer that keeps state: written to the database), from any thread. Several nodes: the node records per
     * log partition how far every observer has confirmed ("observed up to"); after a crash the next owner hands
     * what lies between that point and the stored offset again to the observers that {@link
     * #replaysAfterTakeover()}. The default is for an observer that has finished with a batch when it returns.
     */
    default void onPositions(List<Position> batch, Runnable observed) {
        try {
            onPositions(batch);
        } finally {
            observed.run();
        }
    }

    /**
     * Several nodes: whether this observer is handed, after it took a partition over, the positions stored but
     * perhaps not observed before the previous owner stopped (see {@link #onPositions(List, Runnable)}). Such an
     * observer must ignore what its reloaded state has already seen (it is given them again, never stored twice).
     * The default is false: an observer that cannot tell a re-delivery from new positions is not given them.
     */
    default boolean replaysAfterTakeover() {
        return false;
    }

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
