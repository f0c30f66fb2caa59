package org.cityops.muck.registry;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cityops.org.Callers;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.telemetry.TerminalAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's data scope applied to telemetry's terminal API: a terminal belongs to the district of the
 * vehicle it is fitted to (the same rule as {@code /api/v1/muck/vehicles}, {@link MuckScope}), for the staff
 * member behind the principal telemetry's controller passes in ({@link Callers}).
 */
@Component
class RegistryTerminalAccess implements TerminalAccess {

    private static final int CHUNK = 500;
    private final JdbcClient jdbc;

    RegistryTerminalAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The data scope of the staff member behind {@code caller}; a 403 for anybody else. */
    private static MuckScope scope(Principal caller) {
        return Callers.staff(caller)
                .map(MuckScope::of)
                .orElseThrow(() -> new AccessDeniedToEntityException("需要登录 sign-in required"));
    }

    @Override
    public Reach reach(Principal caller, String terminal) {
        List<String> districts = jdbc.sql("SELECT district_code FROM muck_vehicle WHERE terminal_phone = :t")
                .param("t", terminal)
                .query((rs, n) -> rs.getString(1))
                .list();
        if (districts.isEmpty()) {
            return Reach.NOT_REGISTERED;
        }
        return scope(caller).covers(districts.get(0)) ? Reach.IN_SCOPE : Reach.OUT_OF_SCOPE;
    }

    @Override
    public boolean cityWide(Principal caller) {
        return scope(caller).cityWide();
    }

    @Override
    public Set<String> refusedForIngest(Principal caller, Collection<String> terminals, boolean staff) {
        Predicate<String> inScope = staff ? scope(caller)::covers : district -> true;
        List<String> distinct = new ArrayList<>(new HashSet<>(terminals));
        Map<String, String> inService = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            jdbc.sql("SELECT terminal_phone, district_code FROM muck_vehicle WHERE status <> 'RETIRED' "
                            + "AND terminal_phone IN (:ts)")
                    .param("ts", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
                    .query(rs -> {
                        inService.put(rs.getString(1), rs.getString(2));
                    });
        }
        Set<String> refused = new HashSet<>();
        for (String t : distinct) {
            if (!inService.containsKey(t) || !inScope.test(inService.get(t))) {
                refused.add(t);
            }
        }
        return refused;
    }
}
