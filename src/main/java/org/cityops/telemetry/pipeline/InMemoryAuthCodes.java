package org.cityops.telemetry.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Auth codes kept in memory (tests, the simulator's own checks). */
public final class InMemoryAuthCodes implements AuthCodeStore {

    private final Map<String, String> codes = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(String terminal) {
        return Optional.ofNullable(codes.get(terminal));
    }

    @Override
    public boolean save(String terminal, String authCode, String plate) {
        return codes.putIfAbsent(terminal, authCode) == null;
    }

    @Override
    public boolean remove(String terminal) {
        return codes.remove(terminal) != null;
    }
}
