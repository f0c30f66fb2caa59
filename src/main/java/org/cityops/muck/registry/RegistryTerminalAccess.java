package org.cityops.muck.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.telemetry.TerminalAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's data scope applied to telemetry's terminal API: a terminal belongs to the district of the
 * vehicle it is fitted to (the same rule as {@code /api/v1/muck/vehicles}, {@link MuckScope}).
 */
@Component
class RegistryTerminalAccess implements TerminalAccess {

    private static final int CHUNK = 500;
    private final JdbcClient jdbc;
    private final MuckScope scope;

    RegistryTerminalAccess(JdbcClient jdbc, MuckScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Override
    public Reach reach(String terminal) {
        List<String> districts = jdbc.sql("SELECT district_code FROM muck_vehicle WHERE terminal_phone = :t")
                .param("t", terminal)
                .query((rs, n) -> rs.getString(1))
                .list();
        if (districts.isEmpty()) {
            return Reach.NOT_REGISTERED;
        }
        return scope.covers(districts.get(0)) ? Reach.IN_SCOPE : Reach.OUT_OF_SCOPE;
    }

    @Override
    public boolean cityWide() {
        return scope.prefix().isEmpty();
    }

    @Override
    public Set<String> refusedForIngest(Collection<String> terminals, boolean staff) {
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
            if (!inService.containsKey(t) || (staff && !scope.covers(inService.get(t)))) {
                refused.add(t);
            }
        }
        return refused;
    }
}
