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
