package org.cityops.muck.alarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.DailyWindow;
import org.cityops.muck.engine.Fence;
import org.cityops.muck.engine.LocalProjection;
import org.cityops.muck.engine.MuckWorld;
import org.cityops.muck.engine.PermitRule;
import org.cityops.muck.engine.VehicleProfile;
import org.cityops.muck.registry.RegistryChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds the engine's {@link MuckWorld} from the registry tables, and rebuilds it after every registry change. */
@Component
class WorldLoader implements RegistryChangeListener {

    private static final Logger log = LoggerFactory.getLogger(WorldLoader.class);
    private final JdbcClient jdbc;
    private final AlarmEngine engine;

    WorldLoader(JdbcClient jdbc, AlarmEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Override
    public void registryChanged() {
        reload();
    }

    void reload() {
        engine.setWorld(load(engine.world().projection()));
    }

    MuckWorld load(LocalProjection proj) {
        List<VehicleProfile> vehicles = jdbc.sql("""
                SELECT id, terminal_phone, plate, company_id, rated_volume_m3, district_code
                FROM muck_vehicle WHERE status <> 'RETIRED'""")
                .query((rs, n) -> {
                    long company = rs.getLong("company_id");
                    Long companyId = rs.wasNull() ? null : company;
                    double volume = rs.getDouble("rated_volume_m3");
                    Double vol = rs.wasNull() ? null : volume;
                    return new VehicleProfile(
                            rs.getLong("id"),
                            rs.getString("terminal_phone"),
                            rs.getString("plate"),
                            companyId,
                            vol,
                            rs.getString("district_code"));
                })
                .list();
        List<Fence> fences = new ArrayList<>();
        jdbc.sql("SELECT id, name, polygon_wkt, district_code FROM muck_site WHERE status <> 'FINISHED'")
                .query(rs -> {
                    fence(
                            fences,
                            proj,
                            rs.getLong(1),
                            rs.getString(2),
                            Fence.Kind.SITE,
                            rs.getString(3),
                            null,
                            null,
                            null,
                            rs.getString(4));
                });
        jdbc.sql("SELECT id, name, polygon_wkt, district_code FROM muck_disposal_site WHERE status = 'ACTIVE'")
                .query(rs -> {
                    fence(
                            fences,
                            proj,
                            rs.getLong(1),
                            rs.getString(2),
                            Fence.Kind.DISPOSAL,
                            rs.getString(3),
                            null,
                            null,
                            null,
                            rs.getString(4));
                });
        jdbc.sql("""
                SELECT id, name, kind, polygon_wkt, speed_limit_kmh, window_start, window_end, district_code
                FROM muck_zone WHERE active = TRUE""").query(rs -> {
            int limit = rs.getInt(5);
            Integer speed = rs.wasNull() ? null : limit;
            fence(
                    fences,
                    proj,
                    rs.getLong(1),
                    rs.getString(2),
                    Fence.Kind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    speed,
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8));
        });
        Map<Long, Set<Long>> permitVehicles = new HashMap<>();
        jdbc.sql("SELECT permit_id, vehicle_id FROM muck_permit_vehicle").query(rs -> {
            permitVehicles.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        List<PermitRule> permits = new ArrayList<>();
        jdbc.sql("""
                SELECT id, permit_no, site_id, disposal_site_id, route_wkt, corridor_m, valid_from, valid_to,
                       daily_start, daily_end
                FROM muck_permit WHERE status = 'ACTIVE'""").query(rs -> {
            long id = rs.getLong("id");
            try {
                String route = rs.getString("route_wkt");
                permits.add(new PermitRule(
                        id,
                        rs.getString("permit_no"),
                        Set.copyOf(permitVehicles.getOrDefault(id, Set.of())),
                        rs.getLong("site_id"),
                        rs.getLong("disposal_site_id"),
                        rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to").toLocalDate(),
                        DailyWindow.of(rs.getString("daily_start"), rs.getString("daily_end")),
                        route == null ? null : proj.corridor(route, rs.getInt("corridor_m"))));
            } catch (RuntimeException e) {
                log.warn("permit {} skipped by the alarm engine: {}", id, e.getMessage());
            }
        });
        return new MuckWorld(proj, vehicles, permits, fences);
    }

    private static void fence(
            List<Fence> out,
            LocalProjection proj,
            long id,
            String name,
            Fence.Kind kind,
            String wkt,
            Integer speed,
            String start,
            String end,
            String district) {
        try {
            out.add(new Fence(id, name, kind, proj.projectWkt(wkt), speed, DailyWindow.of(start, end), district));
        } catch (RuntimeException e) {
            log.warn("{} {} skipped by the alarm engine: {}", kind, id, e.getMessage());
        }
    }
}
