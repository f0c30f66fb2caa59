package org.cityops.assessment.internal.model;

import java.util.Map;
import java.util.TreeMap;

/** Named counts of one subject in one period (the raw material of its indicators). */
public final class Counters {

    private final Map<String, Long> values = new TreeMap<>();

    public void add(String name, long n) {
        if (n != 0) {
            values.merge(name, n, Long::sum);
        }
    }

    public void inc(String name) {
        add(name, 1);
    }

    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    public Map<String, Long> asMap() {
        return values;
    }

    public static Counters of(Map<String, Long> m) {
        Counters c = new Counters();
        m.forEach(c::add);
        return c;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
