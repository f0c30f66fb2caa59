package org.cityops.muck.alarm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.muck.MuckAlarmRaised;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.EngineEvent;
import org.cityops.muck.engine.EngineEvent.AlarmClosed;
import org.cityops.muck.engine.EngineEvent.AlarmOpened;
import org.cityops.muck.engine.EngineEvent.TripCompleted;
import org.cityops.muck.engine.OpenAlarm;
import org.cityops.muck.engine.TrackerState;
import org.cityops.muck.engine.VehicleProfile;
import org.cityops.platform.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what the engine produced in one transaction: new alarms (with their evidence), closed alarms, completed
 * trips, the open alarms' last-seen time, and the per-vehicle engine state the engine resumes from after a restart.
 * Alarms whose rule says "auto" are sent as cases in the same transaction.
 */
@Component
class AlarmStore {

    private static final Logger log = LoggerFactory.getLogger(AlarmStore.class);
    private final JdbcClient jdbc;
    private final AlarmEngine engine;
    private final EvidenceJson json;
    private final CaseRules rules;
    private final AlarmCases cases;
    private final ObjectProvider<GridLocator> locator;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher publisher;

    AlarmStore(
            JdbcClient jdbc,
            JdbcTemplate template,
            AlarmEngine engine,
            EvidenceJson json,
            CaseRules rules,
            AlarmCases cases,
            ObjectProvider<GridLocator> locator,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.template = template;
        this.engine = engine;
        this.json = json;
        this.rules = rules;
        this.cases = cases;
        this.locator = locator;
    }

    @Transactional
    public void apply(List<EngineEvent> events, Collection<TrackerState> states) {
        for (EngineEvent e : events) {
            if (e instanceof AlarmOpened o) {
                opened(o);
            } else if (e instanceof AlarmClosed c) {
                closed(c);
            } else if (e instanceof TripCompleted t) {
                trip(t);
            }
        }
        saveStates(states);
    }

    private void opened(AlarmOpened o) {
        Optional<VehicleProfile> v = engine.world().vehicle(o.terminal());
        String district = district(o.lat(), o.lon())
                .orElse(v.map(VehicleProfile::districtCode).orElse(null));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO muck_alarm (type, status, terminal_phone, vehicle_id, plate, company_id, started_at,
                  last_seen_at, lat, lon, district_code, detail, ref_kind, ref_id, evidence_json)
                VALUES (:type, 'OPEN', :terminal, :vehicle, :plate, :company, :at, :at, :lat, :lon, :district, :detail,
                  :refKind, :refId, :evidence)""")
                .param("type", o.type().name())
                .param("terminal", o.terminal())
                .param("vehicle", v.map(VehicleProfile::id).orElse(null))
                .param("plate", v.map(VehicleProfile::plate).orElse(null))
                .param("company", v.map(VehicleProfile::companyId).orElse(null))
                .param("at", DbTime.toDb(o.at()))
                .param("lat", o.lat())
                .param("lon", o.lon())
                .param("district", district)
                .param("detail", truncate(o.detail(), 500))
                .param("refKind", o.refKind())
                .param("refId", o.refId())
                .param("evidence", json.points(o.evidence()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        publisher.publishEvent(new MuckAlarmRaised(
                id,
                o.type().name(),
                o.type().label(),
                v.map(VehicleProfile::plate).orElse(null),
                district,
                o.lat(),
                o.lon(),
                o.at()));
        if (rules.auto(o.type())) {
            cases.request(id, rules.category(o.type()), "规则自动 rule", true);
        }
    }

    private void closed(AlarmClosed c) {
        jdbc.sql("""
                UPDATE muck_alarm SET status = 'CLOSED', ended_at = :at, last_seen_at = CASE WHEN last_seen_at > :at
                  THEN last_seen_at ELSE :at END, evidence_json = :evidence, version = version + 1
                WHERE terminal_phone = :terminal AND type = :type AND status = 'OPEN'""")
                .param("at", DbTime.toDb(c.at()))
                .param("evidence", json.points(c.evidence()))
                .param("terminal", c.terminal())
                .param("type", c.type().name())
                .update();
    }

    private void trip(TripCompleted t) {
        Optional<VehicleProfile> v = engine.world().vehicle(t.terminal());
        if (jdbc.sql("SELECT COUNT(*) FROM muck_trip WHERE terminal_phone = :t AND loaded_at = :at")
                        .param("t", t.terminal())
                        .param("at", DbTime.toDb(t.loadedAt()))
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        BigDecimal volume = v.map(VehicleProfile::ratedVolumeM3)
                .map(x -> BigDecimal.valueOf(x * t.load().volumeShare()).setScale(2, RoundingMode.HALF_UP))
                .orElse(null);
        jdbc.sql("""
                INSERT INTO muck_trip (terminal_phone, vehicle_id, company_id, site_id, disposal_site_id, loaded_at,
                  unloaded_at, volume_m3)
                VALUES (:t, :vehicle, :company, :site, :disposal, :loaded, :unloaded, :volume)""")
                .param("t", t.terminal())
                .param("vehicle", v.map(VehicleProfile::id).orElse(null))
                .param("company", v.map(VehicleProfile::companyId).orElse(null))
                .param("site", t.siteId())
                .param("disposal", t.disposalSiteId())
                .param("loaded", DbTime.toDb(t.loadedAt()))
                .param("unloaded", DbTime.toDb(t.unloadedAt()))
                .param("volume", volume)
                .update();
        if (t.disposalSiteId() != null && volume != null) {
            // 剩余库容 goes down by what the trip brought in
            jdbc.sql("""
                    UPDATE muck_disposal_site SET remaining_m3 = CASE WHEN remaining_m3 > :v THEN remaining_m3 - :v ELSE 0 END
                    WHERE id = :id AND remaining_m3 IS NOT NULL""").param("v", volume).param("id", t.disposalSiteId()).update();
        }
    }

    /**
     * Open alarms' last-seen time and evidence, then each vehicle's engine state, as JDBC batches (a few
     * statements for thousands of vehicles).
     */
    private void saveStates(Collection<TrackerState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Object[]> seen = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(states.size());
        for (TrackerState s : states) {
            for (OpenAlarm a : s.open()) {
                seen.add(new Object[] {
                    DbTime.toDb(a.lastSeen()),
                    json.points(a.evidence()),
                    s.terminal(),
                    a.type().name(),
                    DbTime.toDb(a.lastSeen())
                });
            }
            // never reported: keep only the open alarms (OFFLINE) in the state
            Instant last = s.lastTime() == null ? Instant.EPOCH : s.lastTime();
            Instant received =
                    s.lastTime() == null ? Instant.EPOCH : s.receivedAt() == null ? s.lastTime() : s.receivedAt();
            rows.add(new Object[] {
                DbTime.toDb(last),
                DbTime.toDb(received),
                s.lat(),
                s.lon(),
                s.speed(),
                s.direction(),
                s.load().name(),
                json.state(s),
                s.terminal()
            });
        }
        if (!seen.isEmpty()) {
            template.batchUpdate("""
                    UPDATE muck_alarm SET last_seen_at = ?, evidence_json = ?
                    WHERE terminal_phone = ? AND type = ? AND status = 'OPEN' AND last_seen_at < ?""", seen);
        }
        int[] updated = template.batchUpdate("""
                UPDATE muck_vehicle_state SET last_time = ?, received_at = ?, lat = ?, lon = ?, speed_kmh = ?,
                  direction = ?, load_state = ?, state_json = ?
                WHERE terminal_phone = ?""", rows);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] r = rows.get(i);
                inserts.add(new Object[] {r[8], r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]});
            }
        }
        if (!inserts.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO muck_vehicle_state (terminal_phone, last_time, received_at, lat, lon, speed_kmh,
                      direction, load_state, state_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    /** Every stored engine state, for the engine to resume from. Unreadable rows are skipped (and logged). */
    @Transactional(readOnly = true)
    public List<TrackerState> loadStates() {
        return jdbc
                .sql("SELECT terminal_phone, state_json FROM muck_vehicle_state")
                .query((rs, n) -> {
                    try {
                        return json.readState(rs.getString(2));
                    } catch (RuntimeException e) {
                        log.warn(
                                "engine state of terminal {} unreadable, starting it afresh: {}",
                                rs.getString(1),
                                e.getMessage());
                        return null;
                    }
                })
                .list()
                .stream()
                .filter(s -> s != null)
                .toList();
    }

    private Optional<String> district(double lat, double lon) {
        GridLocator l = locator.getIfAvailable();
        if (l == null) {
            return Optional.empty();
        }
        try {
            return l.locate(lat, lon).map(GridLocation::districtCode);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
