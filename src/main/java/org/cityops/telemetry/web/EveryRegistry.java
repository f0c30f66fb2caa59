package org.cityops.telemetry.web;

import java.security.Principal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityops.telemetry.TerminalAccess;

/**
 * Several modules keep registries of terminals (muck trucks, sanitation vehicles and workers): a terminal belongs
 * to the first registry that knows it, and positions are refused only when every registry refuses them. With one
 * registry this is that registry.
 */
final class EveryRegistry implements TerminalAccess {

    private final List<TerminalAccess> registries;

    private EveryRegistry(List<TerminalAccess> registries) {
        this.registries = List.copyOf(registries);
    }

    static TerminalAccess of(List<TerminalAccess> registries, TerminalAccess none) {
        if (registries.isEmpty()) {
            return none;
        }
        return registries.size() == 1 ? registries.get(0) : new EveryRegistry(registries);
    }

    @Override
    public Reach reach(Principal caller, String terminal) {
        for (TerminalAccess r : registries) {
            Reach reach = r.reach(caller, terminal);
            if (reach != Reach.NOT_REGISTERED) {
                return reach;
            }
        }
        return Reach.NOT_REGISTERED;
    }

    @Override
    public boolean cityWide(Principal caller) {
        return registries.get(0).cityWide(caller);
    }

    @Override
    public Set<String> refusedForIngest(Principal caller, Collection<String> terminals, boolean staff) {
        Set<String> refused = new HashSet<>(terminals);
        for (TerminalAccess r : registries) {
            if (refused.isEmpty()) {
                break;
            }
            refused.retainAll(r.refusedForIngest(caller, refused, staff));
        }
        return refused;
    }
}
