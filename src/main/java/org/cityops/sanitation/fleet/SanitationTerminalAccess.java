package org.cityops.sanitation.fleet;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.org.Callers;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.telemetry.TerminalAccess;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sanitation's terminals in telemetry's terminal API (track, HTTP position forwarding): a sanitation vehicle's
 * terminal belongs to the vehicle's district, a worker's device to the district of the worker's post; the caller's
 * data scope is sanitation's (AREA). Telemetry asks every registry and refuses a position only when all refuse it.
 */
@Component
@Fallback // telemetry asks every registry; a single injection of TerminalAccess still gets muck's
class SanitationTerminalAccess implements TerminalAccess {

    private static final int CHUNK = 500;
    private final JdbcClient jdbc;

    SanitationTerminalAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ScopeFilter scope(Principal caller) {
        return Callers.staff(caller)
                .map(me -> ScopeRule.filter(me, RecordKind.AREA))
                .orElseThrow(() -> new AccessDeniedToEntityException("需要登录 sign-in required"));
    }

    private Optional<String> district(String terminal) {
        return jdbc.sql("SELECT district_code FROM san_vehicle WHERE terminal_phone = :t")
                .param("t", terminal)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .or(() -> jdbc.sql("SELECT p.district_code FROM san_worker w JOIN san_post p ON p.id = w.post_id "
                                + "WHERE w.terminal_phone = :t")
                        .param("t", terminal)
                        .query((rs, n) -> rs.getString(1))
                        .optional());
    }

    @Override
    public Reach reach(Principal caller, String terminal) {
        Optional<String> district = district(terminal);
        if (district.isEmpty()) {
            return Reach.NOT_REGISTERED;
        }
        return scope(caller).matches(district.get(), null, null) ? Reach.IN_SCOPE : Reach.OUT_OF_SCOPE;
    }

    @Override
    public boolean cityWide(Principal caller) {
        return scope(caller) instanceof ScopeFilter.All;
    }

    @Override
    public Set<String> refusedForIngest(Principal caller, Collection<String> terminals, boolean staff) {
        ScopeFilter scope = staff ? scope(caller) : null;
        List<String> distinct = new ArrayList<>(new HashSet<>(terminals));
        Map<String, String> inService = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + CHUNK));
            jdbc.sql("SELECT terminal_phone, district_code FROM san_vehicle WHERE status = 'ACTIVE' "
                            + "AND terminal_phone IN (:ts)")
                    .param("ts", chunk)
                    .query(rs -> {
                        inService.put(rs.getString(1), rs.getString(2));
                    });
            jdbc.sql("SELECT w.terminal_phone, p.district_code FROM san_worker w JOIN san_post p ON p.id = w.post_id "
                            + "WHERE w.active AND w.terminal_phone IN (:ts)")
                    .param("ts", chunk)
                    .query(rs -> {
                        inService.put(rs.getString(1), rs.getString(2));
                    });
        }
        Set<String> refused = new HashSet<>();
        for (String t : distinct) {
            if (!inService.containsKey(t) || (scope != null && !scope.matches(inService.get(t), null, null))) {
                refused.add(t);
            }
        }
        return refused;
    }
}
