package org.cityops.telemetry.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cityops.telemetry.Position;

/** A position log in memory: one sequence across the partitions (as a JetStream stream numbers its messages). */
public final class MemoryPositionLog implements PositionLog {

    private final int partitions;
    private final List<Entry> entries = new ArrayList<>();

    public MemoryPositionLog(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public void append(String id, List<Position> positions, Consumer<Appended> done) {
        synchronized (entries) {
            int p = Partitions.of(positions.get(0).terminal(), partitions);
            entries.add(new Entry(p, entries.size() + 1L, List.copyOf(positions)));
        }
        done.accept(new Appended(null, false));
    }

    @Override
    public PartitionReader reader(int partition, long afterSequence) {
        return new PartitionReader() {
            long after = afterSequence;

            @Override
            public List<Entry> poll(int max, long waitMillis) {
                List<Entry> out = new ArrayList<>();
                synchronized (entries) {
                    for (int i = (int) after; i < entries.size() && out.size() < max; i++) {
                        Entry e = entries.get(i);
                        if (e.partition() == partition) {
                            out.add(e);
                        }
                        after = e.sequence();
                    }
                }
                return out;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {}
}
