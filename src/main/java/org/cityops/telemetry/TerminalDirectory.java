package org.cityops.telemetry;

import java.util.Optional;

/**
 * Which terminals may register with the gateway. Implemented outside telemetry (the muck vehicle registry);
 * the gateway asks it during 0x0100 registration.
 */
public interface TerminalDirectory {

    /** @param terminal phone number without leading zeros */
    Optional<KnownTerminal> find(String terminal);

    /** A terminal the platform knows: the vehicle it is fitted to. */
    record KnownTerminal(String terminal, String plate, int plateColor) {
    }
}
