package org.cityops.telemetry.pipeline;

import java.util.Set;

/**
 * Which partitions of the log this node may consume: one node per partition at a time. The PostgreSQL
 * implementation holds an advisory lock per partition on a dedicated connection, so the partitions of a node that
 * dies are free again as soon as its connection is gone. Not a fence on its own: the track store also checks the
 * partition's stored offset in the transaction that moves it ({@link TrackStore#append(java.util.List,
 * java.util.Map)}).
 */
public interface PartitionLeases extends AutoCloseable {

    /**
     * Renews the lease and takes free partitions up to this node's fair share; returns the partitions this node
     * should own now (it may have to give some back: {@link #release}).
     */
    Set<Integer> renew();

    /** Gives a partition back (after its reader is closed). */
    void release(int partition);

    /** Gives back every partition held but not in {@code keep} (none of them has a reader). */
    default void retain(Set<Integer> keep) {}

    @Override
    void close();

    /** Every partition, always: one node alone (H2, tests). */
    static PartitionLeases all(int partitions) {
        Set<Integer> every = new java.util.TreeSet<>();
        for (int p = 0; p < partitions; p++) {
            every.add(p);
        }
        Set<Integer> fixed = Set.copyOf(every);
        return new PartitionLeases() {
            @Override
            public Set<Integer> renew() {
                return fixed;
            }

            @Override
            public void release(int partition) {}

            @Override
            public void close() {}
        };
    }
}
