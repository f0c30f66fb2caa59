package org.cityops.telemetry;

import java.util.Collection;
import java.util.Set;

/**
 * Whose terminals a caller may see, release and feed positions for: the data scope (数据权限) of the vehicle a
 * terminal is fitted to. Implemented by the module that keeps the vehicle registry (muck), which telemetry must
 * not call directly (muck depends on telemetry). Without an implementation the telemetry API refuses every
 * terminal-scoped request.
 */
public interface TerminalAccess {

    /** Where a terminal stands for the signed-in staff member. */
    enum Reach {
        /** fitted to a registered vehicle (in service or not) within the caller's data scope */
        IN_SCOPE,
        /** fitted to a registered vehicle outside the caller's data scope */
        OUT_OF_SCOPE,
        /** fitted to no registered vehicle: only a city-wide caller may see it */
        NOT_REGISTERED
    }

    /** @param terminal phone number without leading zeros */
    Reach reach(String terminal);

    /** Whether the signed-in staff member's data scope is the whole city. */
    boolean cityWide();

    /**
     * Of these terminals (numbers without leading zeros), those positions may not be fed for: not fitted to a
     * registered vehicle in service, or, for a staff caller ({@code staff} true), fitted to one outside the signed-in
     * staff member's data scope. A machine key (a forwarding platform) has no area scope.
     */
    Set<String> refusedForIngest(Collection<String> terminals, boolean staff);
}
