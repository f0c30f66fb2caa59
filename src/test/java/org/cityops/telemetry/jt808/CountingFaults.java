package org.cityops.telemetry.jt808;

import java.util.EnumMap;
import java.util.Map;

final class CountingFaults implements FaultCounter {

    final Map<Fault, Integer> counts = new EnumMap<>(Fault.class);

    @Override
    public synchronized void count(Fault fault) {
        counts.merge(fault, 1, Integer::sum);
    }

    synchronized int get(Fault fault) {
        return counts.getOrDefault(fault, 0);
    }
}
