package org.cityops.muck.alarm;

// Size: one file on purpose: every read of the alarm list, its filters and its export share one scoped WHERE
// builder; over 400 lines since the formatter wrapped its SQL

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.muck.engine.AlarmThresholds;
import org.cityops.muck.engine.AlarmType;
import org.cityops.muck.engine.TrackPoint;
import org.cityops.muck.registry.MuckScope;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the alarm engine: alarm lists and files, the live vehicle picture, trips and statistics. */
@Service
public class AlarmQueries {

    private final JdbcClient jdbc;
    private final EvidenceJson json;
    private final AlarmThresholds thresholds;
    private final Clock clock;
    private final AlarmCases cases;
    private final CaseRules rules;
    private final org.cityops.muck.engine.AlarmEngine engine;

    AlarmQueries(
            JdbcClient jdbc,
            EvidenceJson json,
            AlarmThresholds thresholds,
            Clock clock,
            AlarmCases cases,
            CaseRules rules,
            org.cityops.muck.engine.AlarmEngine engine) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.json = json;
        this.thresholds = thresholds;
        this.clock = clock;
        this.cases = cases;
        this.rules = rules;
    }

    public record Filter(
            String type,
            String status,
            Instant from,
            Instant to,
            String plate,
            Long companyId,
            Long vehicleId,
            String district) {}

    public record Alarm(
            long id,
            String type,
            String typeLabel,
            String status,
            String terminal,
            Long vehicleId,
            String plate,
            Long companyId,
            String companyName,
            Instant startedAt,
            Instant lastSeenAt,
            Instant endedAt,
            double lat,
            double lon,
            String districtCode,
            String detail,
            String refKind,
            Long refId,
            Instant caseRequestedAt,
            String caseCategory,
            Long caseId,
            String caseNumber,
            String caseFailure,
            List<TrackPoint> evidence) {}

    public record Page(List<Alarm> items, long total, int page, int size) {}

    private static final String FROM = """
             FROM muck_alarm a LEFT JOIN muck_company c ON c.id = a.company_id
             WHERE (:scope = '' OR a.district_code LIKE :like)
               AND (CAST(:type AS VARCHAR) IS NULL OR a.type = :type)
               AND (CAST(:status AS VARCHAR) IS NULL OR a.status = :status)
               AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.started_at >= :from)
               AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.started_at < :to)
               AND (CAST(:plate AS VARCHAR) IS NULL OR a.plate LIKE :plate)
               AND (CAST(:company AS BIGINT) IS NULL OR a.company_id = :company)
               AND (CAST(:vehicle AS BIGINT) IS NULL OR a.vehicle_id = :vehicle)
               AND (CAST(:district AS VARCHAR) IS NULL OR a.district_code LIKE :district)""";

    @Transactional(readOnly = true)
    public Page find(StaffMember me, Filter f, int page, int size) {
        checkFilter(f);
        long total = bind(me, jdbc.sql("SELECT COUNT(*)" + " " + FROM), f)
                .query(Long.class)
                .single();
        List<Alarm> items = bind(
                        me,
                        jdbc.sql("SELECT a.*, c.name AS company_name" + " " + FROM
                                + " ORDER BY a.started_at DESC, a.id DESC LIMIT :limit OFFSET :offset"),
                        f)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> alarm(rs, false))
                .list();
        return new Page(items, total, page, size);
    }

    /** For the Excel export: at most {@code max} rows. */
    @Transactional(readOnly = true)
    public List<Alarm> export(StaffMember me, Filter f, int max) {
        checkFilter(f);
        return bind(
                        me,
                        jdbc.sql("SELECT a.*, c.name AS company_name" + " " + FROM
                                + " ORDER BY a.started_at DESC LIMIT :limit"),
                        f)
                .param("limit", max)
                .query((rs, n) -> alarm(rs, false))
                .list();
    }

    @Transactional(readOnly = true)
    public Alarm get(StaffMember me, long id) {
        Alarm a = jdbc.sql("SELECT a.*, c.name AS company_name FROM muck_alarm a LEFT JOIN muck_company c "
                        + "ON c.id = a.company_id WHERE a.id = :id")
                .param("id", id)
                .query((rs, n) -> alarm(rs, true))
                .optional()
                .orElseThrow(() -> new NotFoundException("报警不存在 alarm not found"));
        MuckScope.of(me).check(a.districtCode(), "alarm " + id);
        return a;
    }

    /** A supervisor's click: send the alarm as a case (category from the rule table unless given). */
    @Transactional
    public Alarm sendAsCase(StaffMember me, long id, String categoryCode, String note) {
        Alarm a = get(me, id);
        String category = categoryCode == null || categoryCode.isBlank()
                ? rules.category(AlarmType.valueOf(a.type()))
                : categoryCode.trim();
        cases.request(id, category, note, false);
        return get(me, id);
    }

    private static void checkFilter(Filter f) {
        if (f.type() != null) {
            try {
                AlarmType.valueOf(f.type());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("未知报警类型 unknown alarm type", "type");
            }
        }
        if (f.status() != null && !f.status().equals("OPEN") && !f.status().equals("CLOSED")) {
            throw new InvalidInputException("状态应为 OPEN 或 CLOSED status must be OPEN or CLOSED", "status");
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw new InvalidInputException("结束时间早于开始时间 to before from", "to");
        }
    }

    private static JdbcClient.StatementSpec bind(StaffMember me, JdbcClient.StatementSpec spec, Filter f) {
        return MuckScope.of(me)
                .bind(spec)
                .param("type", f.type())
                .param("status", f.status())
                .param("from", DbTime.toDb(f.from()))
                .param("to", DbTime.toDb(f.to()))
                .param("plate", f.plate() == null ? null : "%" + f.plate() + "%")
                .param("company", f.companyId())
                .param("vehicle", f.vehicleId())
                .param("district", f.district() == null ? null : f.district() + "%");
    }

    private Alarm alarm(ResultSet rs, boolean withEvidence) throws SQLException {
        AlarmType type = AlarmType.valueOf(rs.getString("type"));
        return new Alarm(
                rs.getLong("id"),
                type.name(),
                type.label(),
                rs.getString("status"),
                rs.getString("terminal_phone"),
                nullableLong(rs, "vehicle_id"),
                rs.getString("plate"),
                nullableLong(rs, "company_id"),
                rs.getString("company_name"),
                time(rs, "started_at"),
                time(rs, "last_seen_at"),
                time(rs, "ended_at"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("district_code"),
                rs.getString("detail"),
                rs.getString("ref_kind"),
                nullableLong(rs, "ref_id"),
                time(rs, "case_requested_at"),
                rs.getString("case_category"),
                nullableLong(rs, "case_id"),
                rs.getString("case_number"),
                rs.getString("case_failure"),
                withEvidence ? json.readPoints(rs.getString("evidence_json")) : null);
    }

    // ------------------------------------------------------------------ live map
    /** 实时监控: every vehicle in scope with its last position and state. */
    public record LiveVehicle(
            long id,
            String plate,
            String terminal,
            Long companyId,
            String companyName,
            Double lat,
            Double lon,
            Double speed,
            Integer direction,
            Instant lastTime,
            Instant receivedAt,
            String load,
            boolean online,
            boolean permitActive,
            List<String> openAlarms,
            String state) {

        /** 报警类型 labels of {@link #openAlarms}, in the same order, for a page to show. */
        @com.fasterxml.jackson.annotation.JsonProperty("openAlarmLabels")
        public List<String> openAlarmLabels() {
            return openAlarms.stream().map(AlarmType::labelOf).toList();
        }
    }

    @Transactional(readOnly = true)
    public List<LiveVehicle> live(StaffMember me) {
        java.time.ZonedDateTime cityNow = clock.instant().atZone(org.cityops.platform.CityClock.ZONE);
        org.cityops.muck.engine.MuckWorld world = engine.world();
        Map<String, List<String>> open = new HashMap<>();
        jdbc.sql("SELECT terminal_phone, type FROM muck_alarm WHERE status = 'OPEN' ORDER BY started_at")
                .query(rs -> {
                    open.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Instant now = clock.instant();
        Duration offline = thresholds.offlineAfter();
        return jdbc.sql("""
                SELECT v.id, v.plate, v.terminal_phone, v.company_id, c.name AS company_name, s.lat, s.lon, s.speed_kmh,
                       s.direction, s.last_time, s.received_at, s.load_state
                FROM muck_vehicle v LEFT JOIN muck_company c ON c.id = v.company_id
                LEFT JOIN muck_vehicle_state s ON s.terminal_phone = v.terminal_phone AND s.last_time > :epoch
                WHERE v.status <> 'RETIRED' AND (:scope = '' OR v.district_code LIKE :like)
                ORDER BY v.plate""")
                .param("epoch", DbTime.toDb(Instant.EPOCH))
                .param("scope", MuckScope.of(me).prefix())
                .param("like", MuckScope.of(me).like())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Instant received = time(rs, "received_at");
                    boolean seen = received != null;
                    boolean online = seen && Duration.between(received, now).compareTo(offline) <= 0;
                    List<String> alarms = open.getOrDefault(rs.getString("terminal_phone"), List.of());
                    boolean active = world.permitActive(id, cityNow);
                    String load = rs.getString("load_state");
                    String state;
                    if (alarms.stream().anyMatch(t -> !"OFFLINE".equals(t))) {
                        state = "ALARM"; // 报警
                    } else if (!online || alarms.contains("OFFLINE")) {
                        state = active || alarms.contains("OFFLINE") ? "OFFLINE_PERMIT" : "OFFLINE"; // 离线
                    } else if (load != null && !"EMPTY".equals(load)) {
                        state = "LOADED"; // 重车
                    } else {
                        state = "EMPTY"; // 空车
                    }
                    return new LiveVehicle(
                            id,
                            rs.getString("plate"),
                            rs.getString("terminal_phone"),
                            nullableLong(rs, "company_id"),
                            rs.getString("company_name"),
                            seen ? rs.getDouble("lat") : null,
                            seen ? rs.getDouble("lon") : null,
                            seen ? rs.getDouble("speed_kmh") : null,
                            seen ? rs.getInt("direction") : null,
                            time(rs, "last_time"),
                            received,
                            load,
                            online,
                            active,
                            alarms,
                            state);
                })
                .list();
    }

    // ------------------------------------------------------------------ statistics
    public record Count(String key, String label, long count, BigDecimal volume) {}

    public record Stats(
            Instant from,
            Instant to,
            long vehicles,
            long online,
            double onlineRate,
            long trips,
            long illegalTrips,
            List<Count> tripsBySite,
            List<Count> tripsByDisposal,
            List<Count> tripsByCompany,
            List<Count> tripsByDay,
            List<Count> alarmsByType,
            List<Count> alarmsByCompany,
            List<Count> alarmsByVehicle) {}

    @Transactional(readOnly = true)
    public Stats stats(StaffMember me, Instant from, Instant to, List<LiveVehicle> live) {
        MuckScope scope = MuckScope.of(me);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("结束时间应晚于开始时间 to must be after from", "to");
        }
        if (Duration.between(from, to).toDays() > 366) {
            throw new InvalidInputException("统计区间最长一年 at most one year", "from");
        }
        String tripScope = """
                 FROM muck_trip t LEFT JOIN muck_vehicle v ON v.id = t.vehicle_id
                 WHERE t.unloaded_at >= :from AND t.unloaded_at < :to AND (:scope = '' OR v.district_code LIKE :like)""";
        List<Count> bySite = counts(
                scope,
                """
                SELECT CAST(t.site_id AS VARCHAR) AS k, COALESCE(s.name, '未知工地') AS label, COUNT(*) AS n,
                       SUM(t.volume_m3) AS vol""" + " " + tripScope.replace("WHERE", "LEFT JOIN muck_site s ON s.id = t.site_id WHERE")
                        + " GROUP BY t.site_id, s.name ORDER BY n DESC",
                from,
                to);
        List<Count> byDisposal = counts(
                scope,
                """
                SELECT CAST(t.disposal_site_id AS VARCHAR) AS k, COALESCE(d.name, '非法倾倒') AS label, COUNT(*) AS n,
                       SUM(t.volume_m3) AS vol""" + " "
                        + tripScope.replace(
                                "WHERE", "LEFT JOIN muck_disposal_site d ON d.id = t.disposal_site_id WHERE")
                        + " GROUP BY t.disposal_site_id, d.name ORDER BY n DESC",
                from,
                to);
        List<Count> byCompany = counts(
                scope,
                """
                SELECT CAST(t.company_id AS VARCHAR) AS k, COALESCE(c.name, '无企业') AS label, COUNT(*) AS n,
                       SUM(t.volume_m3) AS vol""" + " " + tripScope.replace("WHERE", "LEFT JOIN muck_company c ON c.id = t.company_id WHERE")
                        + " GROUP BY t.company_id, c.name ORDER BY n DESC",
                from,
                to);
        // trips per day in city time: group in Java (portable across H2 and PostgreSQL)
        Map<String, long[]> days = new LinkedHashMap<>();
        Map<String, BigDecimal> dayVolume = new HashMap<>();
        jdbc.sql("SELECT t.unloaded_at, t.volume_m3" + " " + tripScope + " ORDER BY t.unloaded_at")
                .param("from", DbTime.toDb(from))
                .param("to", DbTime.toDb(to))
                .param("scope", scope.prefix())
                .param("like", scope.like())
                .query(rs -> {
                    String day = DbTime.fromDb(rs.getObject(1, OffsetDateTime.class))
                            .atZone(org.cityops.platform.CityClock.ZONE)
                            .toLocalDate()
                            .toString();
                    days.computeIfAbsent(day, k -> new long[1])[0]++;
                    BigDecimal v = rs.getBigDecimal(2);
                    if (v != null) {
                        dayVolume.merge(day, v, BigDecimal::add);
                    }
                });
        List<Count> byDay = new ArrayList<>();
        days.forEach((d, n) -> byDay.add(new Count(d, d, n[0], dayVolume.get(d))));
        long trips = byDisposal.stream().mapToLong(Count::count).sum();
        long illegal = byDisposal.stream()
                .filter(c -> c.key() == null)
                .mapToLong(Count::count)
                .sum();
        String alarmScope = """
                 FROM muck_alarm a WHERE a.started_at >= :from AND a.started_at < :to
                   AND (:scope = '' OR a.district_code LIKE :like)""";
        List<Count> byType = new ArrayList<>();
        for (Count c : counts(
                scope,
                "SELECT a.type AS k, a.type AS label, COUNT(*) AS n, NULL AS vol" + " " + alarmScope
                        + " GROUP BY a.type ORDER BY n DESC",
                from,
                to)) {
            byType.add(new Count(c.key(), AlarmType.valueOf(c.key()).label(), c.count(), null));
        }
        List<Count> alarmCompany = counts(
                scope,
                """
                SELECT CAST(a.company_id AS VARCHAR) AS k, COALESCE(c.name, '无企业') AS label, COUNT(*) AS n,
                       NULL AS vol""" + " " + alarmScope.replace("WHERE", "LEFT JOIN muck_company c ON c.id = a.company_id WHERE")
                        + " GROUP BY a.company_id, c.name ORDER BY n DESC",
                from,
                to);
        List<Count> alarmVehicle = counts(
                scope,
                """
                SELECT a.terminal_phone AS k, COALESCE(a.plate, a.terminal_phone) AS label, COUNT(*) AS n, NULL AS vol""" + " " + alarmScope + " GROUP BY a.terminal_phone, a.plate ORDER BY n DESC LIMIT 20",
                from,
                to);
        long online = live.stream().filter(LiveVehicle::online).count();
        return new Stats(
                from,
                to,
                live.size(),
                online,
                live.isEmpty() ? 0 : (double) online / live.size(),
                trips,
                illegal,
                bySite,
                byDisposal,
                byCompany,
                byDay,
                byType,
                alarmCompany,
                alarmVehicle);
    }

    private List<Count> counts(MuckScope scope, String sql, Instant from, Instant to) {
        return jdbc.sql(sql)
                .param("from", DbTime.toDb(from))
                .param("to", DbTime.toDb(to))
                .param("scope", scope.prefix())
                .param("like", scope.like())
                .query((rs, n) ->
                        new Count(rs.getString("k"), rs.getString("label"), rs.getLong("n"), rs.getBigDecimal("vol")))
                .list();
    }

    /** Trips of a site, newest first (the site's file). */
    public record Trip(
            long id,
            String terminal,
            Long vehicleId,
            String plate,
            Long siteId,
            Long disposalSiteId,
            String disposalName,
            Instant loadedAt,
            Instant unloadedAt,
            BigDecimal volumeM3) {}

    @Transactional(readOnly = true)
    public List<Trip> tripsOfSite(long siteId, int max) {
        return jdbc.sql("""
                SELECT t.*, v.plate, d.name AS disposal_name FROM muck_trip t
                LEFT JOIN muck_vehicle v ON v.id = t.vehicle_id
                LEFT JOIN muck_disposal_site d ON d.id = t.disposal_site_id
                WHERE t.site_id = :site ORDER BY t.unloaded_at DESC LIMIT :max""")
                .param("site", siteId)
                .param("max", max)
                .query((rs, n) -> new Trip(
                        rs.getLong("id"),
                        rs.getString("terminal_phone"),
                        nullableLong(rs, "vehicle_id"),
                        rs.getString("plate"),
                        nullableLong(rs, "site_id"),
                        nullableLong(rs, "disposal_site_id"),
                        rs.getString("disposal_name"),
                        time(rs, "loaded_at"),
                        time(rs, "unloaded_at"),
                        rs.getBigDecimal("volume_m3")))
                .list();
    }

    /** Alarms that refer to a site or that vehicles of the site's permits raised (the site's file). */
    @Transactional(readOnly = true)
    public List<Alarm> alarmsOfSite(long siteId, int max) {
        return jdbc.sql("""
                SELECT a.*, c.name AS company_name FROM muck_alarm a LEFT JOIN muck_company c ON c.id = a.company_id
                WHERE a.vehicle_id IN (SELECT pv.vehicle_id FROM muck_permit_vehicle pv
                                       JOIN muck_permit p ON p.id = pv.permit_id WHERE p.site_id = :site)
                   OR (a.ref_kind = 'SITE' AND a.ref_id = :site)
                ORDER BY a.started_at DESC LIMIT :max""")
                .param("site", siteId)
                .param("max", max)
                .query((rs, n) -> alarm(rs, false))
                .list();
    }

    /**
     * The positions the engine kept as evidence for the vehicle's alarms in the period, merged and in time order: a
     * short track for playback where telemetry's track store is not at hand.
     */
    @Transactional(readOnly = true)
    public List<TrackPoint> evidenceTrack(long vehicleId, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("结束时间应晚于开始时间 to must be after from", "to");
        }
        java.util.TreeMap<Instant, TrackPoint> points = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT evidence_json FROM muck_alarm WHERE vehicle_id = :v AND started_at < :to AND last_seen_at >= :from
                ORDER BY started_at LIMIT 1000""")
                .param("v", vehicleId)
                .param("from", DbTime.toDb(from.minus(Duration.ofHours(1))))
                .param("to", DbTime.toDb(to))
                .query(rs -> {
                    for (TrackPoint p : json.readPoints(rs.getString(1))) {
                        if (!p.t().isBefore(from) && p.t().isBefore(to)) {
                            points.put(p.t(), p);
                        }
                    }
                });
        return new ArrayList<>(points.values());
    }

    static Instant time(ResultSet rs, String col) throws SQLException {
        return DbTime.fromDb(rs.getObject(col, OffsetDateTime.class));
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
