package org.cityops.telemetry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which terminals may register with the gateway. Implemented outside telemetry (the muck vehicle registry);
 * the gateway asks it during 0x0100 registration and 0x0102 authentication.
 */
public interface TerminalDirectory {

    /** @param terminal phone number without leading zeros */
    Optional<KnownTerminal> find(String terminal);

    /**
     * {@link #find} for many terminals at once (a fleet registering after a restart): one query instead of one
     * per terminal. The default asks one by one.
     *
     * @return the known terminals among these, by number
     */
    default Map<String, KnownTerminal> findAll(Collection<String> terminals) {
        Map<String, KnownTerminal> known = new HashMap<>();
        for (String t : terminals) {
            find(t).ifPresent(k -> known.put(t, k));
        }
        return known;
    }

    /**
     * The terminal fitted to the vehicle with this plate (JT/T 808 0x8100 result 1, 车辆已被注册, when it is
     * another terminal). Plates are compared without spaces or the middle dot and case-insensitively.
     *
     * @param plateColor 1 blue, 2 yellow, ... (0 = no plate: nothing to find)
     */
    default Optional<KnownTerminal> findByPlate(String plate, int plateColor) {
        return Optional.empty();
    }

    /** A terminal the platform knows: the vehicle it is fitted to. */
    record KnownTerminal(String terminal, String plate, int plateColor) {}
}
