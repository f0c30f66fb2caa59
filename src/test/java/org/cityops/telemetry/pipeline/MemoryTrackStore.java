package org.cityops.telemetry.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.cityops.telemetry.Position;

/** A track store in memory that can be held shut (to prove acks wait for the commit) or made to fail. */
public final class MemoryTrackStore implements TrackStore {

    private final Map<String, Position> rows = new LinkedHashMap<>();
    public final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    public volatile int failuresToThrow;

    @Override
    public boolean[] append(List<Position> positions) {
        gate.acquireUninterruptibly();
        gate.release();
        if (failuresToThrow > 0) {
            failuresToThrow--;
            throw new IllegalStateException("database down");
        }
        boolean[] fresh = new boolean[positions.size()];
        synchronized (rows) {
            for (int i = 0; i < fresh.length; i++) {
                Position p = positions.get(i);
                fresh[i] = rows.putIfAbsent(p.terminal() + "|" + p.time(), p) == null;
            }
        }
        return fresh;
    }

    /** stream|partition → {stored sequence, observed sequence} */
    private final Map<String, long[]> offsets = new HashMap<>();

    @Override
    public boolean[] append(List<Position> positions, String stream, Map<Integer, long[]> moves) {
        synchronized (offsets) {
            for (Map.Entry<Integer, long[]> m : moves.entrySet()) {
                long[] o = offsets.getOrDefault(stream + "|" + m.getKey(), new long[2]);
                if (o[0] != m.getValue()[0]) {
                    throw new StaleOffsetException("partition " + m.getKey() + " moved");
                }
            }
            boolean[] fresh = append(positions);
            for (Map.Entry<Integer, long[]> m : moves.entrySet()) {
                offsets.computeIfAbsent(stream + "|" + m.getKey(), k -> new long[2])[0] = m.getValue()[1];
            }
            return fresh;
        }
    }

    @Override
    public long offset(String stream, int partition) {
        synchronized (offsets) {
            return offsets.getOrDefault(stream + "|" + partition, new long[2])[0];
        }
    }

    @Override
    public long observedOffset(String stream, int partition) {
        synchronized (offsets) {
            return offsets.getOrDefault(stream + "|" + partition, new long[2])[1];
        }
    }

    @Override
    public void moveObserved(String stream, Map<Integer, Long> upTo) {
        synchronized (offsets) {
            upTo.forEach((p, seq) -> {
                long[] o = offsets.get(stream + "|" + p);
                if (o != null && o[1] < seq) {
                    o[1] = seq;
                }
            });
        }
    }

    public boolean contains(Position p) {
        synchronized (rows) {
            return rows.containsKey(p.terminal() + "|" + p.time());
        }
    }

    public int size() {
        synchronized (rows) {
            return rows.size();
        }
    }

    @Override
    public Map<String, Position> latest() {
        Map<String, Position> latest = new HashMap<>();
        synchronized (rows) {
            rows.values()
                    .forEach(p ->
                            latest.merge(p.terminal(), p, (a, b) -> b.time().isAfter(a.time()) ? b : a));
        }
        return latest;
    }

    @Override
    public List<Position> track(String terminal, Instant from, Instant to, int limit) {
        List<Position> out = new ArrayList<>();
        synchronized (rows) {
            rows.values().stream()
                    .filter(p -> p.terminal().equals(terminal)
                            && !p.time().isBefore(from)
                            && p.time().isBefore(to))
                    .limit(limit)
                    .forEach(out::add);
        }
        return out;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        synchronized (rows) {
            int before = rows.size();
            rows.values().removeIf(p -> p.time().isBefore(cutoff));
            return before - rows.size();
        }
    }
}
