package org.cityops.telemetry;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;

/**
 * Whose terminals a caller may see, release and feed positions for: the data scope (数据权限) of the vehicle a
 * terminal is fitted to. Implemented by the module that keeps the vehicle registry (muck), which telemetry must
 * not call directly (muck depends on telemetry). Without an implementation the telemetry API refuses every
 * terminal-scoped request. The caller is the request's {@link Principal}, passed from the controller (telemetry cannot
 * name org's actor type); the implementation turns it into the actor ({@code org.Callers}).
 */
public interface TerminalAccess {

    /** Where a terminal stands for a caller. */
    enum Reach {
        /** fitted to a registered vehicle (in service or not) within the caller's data scope */
        IN_SCOPE,
        /** fitted to a registered vehicle outside the caller's data scope */
        OUT_OF_SCOPE,
        /** fitted to no registered vehicle: only a city-wide caller may see it */
        NOT_REGISTERED
    }

    /**
     * @param caller   the request's principal
     * @param terminal phone number without leading zeros
     */
    Reach reach(Principal caller, String terminal);

    /** Whether the caller is a staff member whose data scope is the whole city. */
    boolean cityWide(Principal caller);

    /**
     * Of these terminals (numbers without leading zeros), those positions may not be fed for: not fitted to a
     * registered vehicle in service, or, for a staff caller ({@code staff} true), fitted to one outside that staff
     * member's data scope. A machine key (a forwarding platform) has no area scope.
     */
    Set<String> refusedForIngest(Principal caller, Collection<String> terminals, boolean staff);
}
