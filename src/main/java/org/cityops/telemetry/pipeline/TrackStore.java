package org.cityops.telemetry.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityops.telemetry.Position;

/** The durable track (轨迹): positions by terminal and time, and each terminal's latest position. */
public interface TrackStore {

    /**
     * Stores the positions in one transaction, ignoring (terminal, time) pairs already stored, and moves each
     * terminal's latest position forward (at once, or within the store's interval: see {@link #flushLatest}). Returns, per position, whether it was new. Throws when nothing was
     * committed.
     */
    boolean[] append(List<Position> positions);

    /**
     * As {@link #append(List)}, and in the same transaction moves the stored offset of each log partition the
     * positions came from: {@code offsets} maps a partition to {expected stored sequence, new sequence}. If a
     * partition's stored sequence is not the expected one (another node stored from it), nothing is committed.
     *
     * @throws StaleOffsetException when an expected offset does not hold
     */
    default boolean[] append(List<Position> positions, String stream, Map<Integer, long[]> offsets) {
        throw new UnsupportedOperationException("this track store keeps no log offsets");
    }

    /** The last stored sequence of a log partition (0 when nothing was stored from it). */
    default long offset(String stream, int partition) {
        throw new UnsupportedOperationException("this track store keeps no log offsets");
    }

    /**
     * How far the observers have confirmed a log partition ({@link
     * org.cityops.telemetry.PositionObserver#onPositions(List, Runnable)}): at most {@link #offset}. A store
     * that keeps no such mark answers the stored offset (nothing to hand again).
     */
    default long observedOffset(String stream, int partition) {
        return offset(stream, partition);
    }

    /** Moves each partition's "observed up to" forward to the given sequence (never back). */
    default void moveObserved(String stream, Map<Integer, Long> upTo) {}

    /**
     * Writes the latest positions {@link #append} left pending: a store may keep its latest-position table up to
     * an interval behind the track it chooses; {@code all} writes everything pending now (on stop). The writer
     * calls it between batches.
     */
    default void flushLatest(boolean all) {}

    /** Latest position of every terminal (loaded at start). */
    Map<String, Position> latest();

    List<Position> track(String terminal, Instant from, Instant to, int limit);

    /** Deletes (or drops the partitions of) positions older than {@code cutoff}; returns rows or partitions removed. */
    long purgeBefore(Instant cutoff);
}
