package org.cityops.sanitation.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.collection.RouteDayRules.PlannedStop;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.fleet.VehicleType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 垃圾收运: collection points (地埋桶 / 转运站), routes of ordered stops with time windows assigned to a 垃圾收运车,
 * the visits found by {@link VisitRunner}, a route's day ({@link RouteDayRules}) and its export. Points and routes
 * belong to a district (the point's grid cell, the vehicle's district) and are seen within the caller's data scope;
 * every change is audited.
 *
 * <p>Over 400 lines: it is the one service of the collection tables (points, routes, stops, visits, missed stops),
 * so scope and audit are applied in one place; the rules it applies are outside it ({@link StopDetector},
 * {@link RouteDayRules}). The next split, when routes gain an editor, is points apart from routes.
 */
@Service
public class CollectionRoutes {

    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final Fleet fleet;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionRoutes(
            JdbcClient jdbc,
            GridLocator grids,
            Fleet fleet,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.fleet = fleet;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    // ---- points

    @Transactional
    public CollectionPoint createPoint(
            String code, String name, PointKind kind, double lat, double lon, StaffMember me, boolean synthetic) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("编码必填 code required", "code");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("名称必填 name required", "name");
        }
        if (kind == null) {
            throw new InvalidInputException("类型必填（地埋桶/转运站）kind required", "kind");
        }
        Optional<GridLocation> cell = grids.locate(lat, lon);
        if (cell.isEmpty()) {
            throw new InvalidInputException("位置不在本市网格内 position outside the city", "lat");
        }
        String district = cell.get().districtCode();
        if (!scope(me).matches(district, null, null)) {
            throw new InvalidInputException("位置不在您的管辖范围内 position outside your area", "lat");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_point WHERE code = :c")
                        .param("c", code.trim())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("编码已存在 code already exists", "code");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_point (code, name, kind, lat, lon, district_code, synthetic, created_at)
                VALUES (:code, :name, :kind, :lat, :lon, :district, :synthetic, :now)""")
                .param("code", code.trim())
                .param("name", name.trim())
                .param("kind", kind.name())
                .param("lat", lat)
                .param("lon", lon)
                .param("district", district)
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("SAN_POINT", String.valueOf(id), "CREATE", null, code + " " + kind + " " + name);
        events.publishEvent(new LedgerChanged("point"));
        return point(id).orElseThrow();
    }

    /**
     * Changes a point whole (the same checks as {@link #createPoint}); the point must be in the caller's area before
     * and after. Visits already recorded stay. Audited with before and after.
     */
    @Transactional
    public CollectionPoint updatePoint(
            long id, String code, String name, PointKind kind, double lat, double lon, StaffMember me) {
        CollectionPoint before = point(id, me);
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("编码必填 code required", "code");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("名称必填 name required", "name");
        }
        if (kind == null) {
            throw new InvalidInputException("类型必填（地埋桶/转运站）kind required", "kind");
        }
        Optional<GridLocation> cell = grids.locate(lat, lon);
        if (cell.isEmpty()) {
            throw new InvalidInputException("位置不在本市网格内 position outside the city", "lat");
        }
        String district = cell.get().districtCode();
        if (!scope(me).matches(district, null, null)) {
            throw new InvalidInputException("位置不在您的管辖范围内 position outside your area", "lat");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_point WHERE code = :c AND id <> :id")
                        .param("c", code.trim())
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("编码已存在 code already exists", "code");
        }
        jdbc.sql("""
                UPDATE san_point SET code = :code, name = :name, kind = :kind, lat = :lat, lon = :lon,
                  district_code = :district WHERE id = :id""")
                .param("code", code.trim())
                .param("name", name.trim())
                .param("kind", kind.name())
                .param("lat", lat)
                .param("lon", lon)
                .param("district", district)
                .param("id", id)
                .update();
        CollectionPoint after = point(id).orElseThrow();
        audit.record("SAN_POINT", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("point"));
        return after;
    }

    private static String describe(CollectionPoint p) {
        return p.code() + " " + p.kind() + " " + p.name() + " " + p.lat() + "," + p.lon() + " " + p.districtCode();
    }

    /** One point of the caller's area (404 otherwise). */
    public CollectionPoint point(long id, StaffMember me) {
        return point(id)
                .filter(p -> scope(me).matches(p.districtCode(), null, null))
                .orElseThrow(() -> new NotFoundException("收集点不存在 point not found"));
    }

    public List<CollectionPoint> points(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM san_point WHERE " + where + " ORDER BY code")
                .params(params)
                .query(CollectionRoutes::point)
                .list();
    }

    /** Every point (the visit detector). */
    public List<CollectionPoint> allPoints() {
        return jdbc.sql("SELECT * FROM san_point ORDER BY id")
                .query(CollectionRoutes::point)
                .list();
    }

    private Optional<CollectionPoint> point(long id) {
        return jdbc.sql("SELECT * FROM san_point WHERE id = :id")
                .param("id", id)
                .query(CollectionRoutes::point)
                .optional();
    }

    // ---- routes

    /** A stop as asked for: point, window "HH:mm" to "HH:mm". */
    public record StopDraft(long pointId, String from, String to) {}

    @Transactional
    public Route createRoute(String name, String terminal, List<StopDraft> stops, StaffMember me) {
        Checked c = check(name, terminal, stops, me);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_route (name, terminal_phone, district_code, created_at)
                VALUES (:name, :t, :district, :now)""")
                .param("name", name.trim())
                .param("t", c.terminal())
                .param("district", c.vehicle().districtCode())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeStops(id, c.planned());
        audit.record(
                "SAN_ROUTE",
                String.valueOf(id),
                "CREATE",
                null,
                name + " " + c.terminal() + " " + c.planned().size() + " stops");
        return route(id, me);
    }

    /**
     * The route editor's save: name, vehicle and the whole ordered list of stops replaced at once (all or nothing).
     * Visits stay (they belong to the vehicle and the point); 漏收 already recorded for a past day stay as found.
     */
    @Transactional
    public Route updateRoute(long id, String name, String terminal, List<StopDraft> stops, StaffMember me) {
        Route before = route(id, me);
        Checked c = check(name, terminal, stops, me);
        jdbc.sql("UPDATE san_route SET name = :name, terminal_phone = :t, district_code = :district WHERE id = :id")
                .param("name", name.trim())
                .param("t", c.terminal())
                .param("district", c.vehicle().districtCode())
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM san_route_stop WHERE route_id = :r")
                .param("r", id)
                .update();
        writeStops(id, c.planned());
        audit.record(
                "SAN_ROUTE",
                String.valueOf(id),
                "UPDATE",
                before.name() + " " + before.terminal() + " " + describe(before.stops()),
                name.trim() + " " + c.terminal() + " " + describe(c.planned()));
        return route(id, me);
    }

    private static String describe(List<?> stops) {
        StringBuilder b = new StringBuilder();
        for (Object o : stops) {
            if (o instanceof Route.RouteStop s) {
                b.append(s.pointId())
                        .append('@')
                        .append(s.from())
                        .append('-')
                        .append(s.to())
                        .append(' ');
            } else if (o instanceof PlannedStop s) {
                b.append(s.pointId())
                        .append('@')
                        .append(s.from())
                        .append('-')
                        .append(s.to())
                        .append(' ');
            }
        }
        return b.toString().trim();
    }

    private record Checked(String terminal, SanitationVehicle vehicle, List<PlannedStop> planned) {}

    private Checked check(String name, String terminal, List<StopDraft> stops, StaffMember me) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("线路名称必填 name required", "name");
        }
        String t = terminal == null ? "" : terminal.trim().replaceFirst("^0+", "");
        SanitationVehicle vehicle = fleet.inService().stream()
                .filter(v -> v.terminal().equals(t) && v.type() == VehicleType.COLLECTOR)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "终端须装在在用的垃圾收运车上 terminal must be fitted to a collection vehicle in service", "terminal"));
        if (!scope(me).matches(vehicle.districtCode(), null, null)) {
            throw new InvalidInputException("车辆不在您的管辖范围内 vehicle outside your area", "terminal");
        }
        if (stops == null || stops.isEmpty()) {
            throw new InvalidInputException("线路至少包含一个收集点 a route needs at least one stop", "stops");
        }
        List<PlannedStop> planned = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            StopDraft s = stops.get(i);
            LocalTime from = time(s.from(), "stops[" + i + "].from");
            LocalTime to = time(s.to(), "stops[" + i + "].to");
            if (!to.isAfter(from)) {
                throw new InvalidInputException("时间窗为空（结束须晚于开始）empty time window", "stops[" + i + "].to");
            }
            Optional<CollectionPoint> point = point(s.pointId());
            if (point.isEmpty() || !scope(me).matches(point.get().districtCode(), null, null)) {
                throw new InvalidInputException("收集点不存在 unknown point", "stops[" + i + "].pointId");
            }
            planned.add(new PlannedStop(i + 1, s.pointId(), from, to));
        }
        return new Checked(t, vehicle, planned);
    }

    private void writeStops(long routeId, List<PlannedStop> planned) {
        for (PlannedStop p : planned) {
            jdbc.sql("INSERT INTO san_route_stop (route_id, seq, point_id, window_from, window_to) "
                            + "VALUES (:r, :seq, :p, :from, :to)")
                    .param("r", routeId)
                    .param("seq", p.seq())
                    .param("p", p.pointId())
                    .param("from", p.from().toString())
                    .param("to", p.to().toString())
                    .update();
        }
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间须为 HH:mm time must be HH:mm", field);
        }
    }

    public List<Route> routes(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        List<Long> ids = jdbc.sql("SELECT id FROM san_route WHERE " + where + " ORDER BY name, id")
                .params(params)
                .query(Long.class)
                .list();
        List<Route> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(load(id).orElseThrow());
        }
        return out;
    }

    /** Every active route (the missed-stop check). */
    List<Route> activeRoutes() {
        List<Long> ids = jdbc.sql("SELECT id FROM san_route WHERE active ORDER BY id")
                .query(Long.class)
                .list();
        List<Route> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(load(id).orElseThrow());
        }
        return out;
    }

    public Route route(long id, StaffMember me) {
        Route r = load(id).orElseThrow(() -> new NotFoundException("线路不存在 route not found"));
        if (!scope(me).matches(r.districtCode(), null, null)) {
            throw new NotFoundException("线路不存在 route not found");
        }
        return r;
    }

    private Optional<Route> load(long id) {
        Map<String, String> plates = new HashMap<>();
        fleet.inService().forEach(v -> plates.put(v.terminal(), v.plate()));
        return jdbc.sql("SELECT * FROM san_route WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Route(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("terminal_phone"),
                        plates.get(rs.getString("terminal_phone")),
                        rs.getString("district_code"),
                        rs.getBoolean("active"),
                        stops(rs.getLong("id"))))
                .optional();
    }

    private List<Route.RouteStop> stops(long routeId) {
        return jdbc.sql("""
                SELECT s.seq, s.point_id, p.name, s.window_from, s.window_to FROM san_route_stop s
                JOIN san_point p ON p.id = s.point_id WHERE s.route_id = :r ORDER BY s.seq""")
                .param("r", routeId)
                .query((rs, n) -> new Route.RouteStop(
                        rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    // ---- visits and a route's day

    /** Stores visits found by the detector, overwriting by key (a replay or the closing report of an open visit). */
    @Transactional
    void record(List<StopDetector.Visit> visits) {
        for (StopDetector.Visit v : visits) {
            int updated = jdbc.sql("UPDATE san_visit SET left_at = :left, closed = :closed WHERE visit_key = :k")
                    .param("left", DbTime.toDb(v.leftAt()))
                    .param("closed", v.closed())
                    .param("k", v.key())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO san_visit (visit_key, point_id, terminal_phone, work_day, arrived_at, left_at, closed)
                        VALUES (:k, :p, :t, :d, :arrived, :left, :closed)""")
                        .param("k", v.key())
                        .param("p", v.pointId())
                        .param("t", v.terminal())
                        .param("d", v.arrivedAt().atZone(CityClock.ZONE).toLocalDate())
                        .param("arrived", DbTime.toDb(v.arrivedAt()))
                        .param("left", DbTime.toDb(v.leftAt()))
                        .param("closed", v.closed())
                        .update();
            }
        }
    }

    /** The route's stops on a day, in order: visited / outside the window / missed / pending. */
    public List<RouteDayRow> day(long routeId, LocalDate day, StaffMember me) {
        return day(route(routeId, me), day);
    }

    List<RouteDayRow> day(Route route, LocalDate day) {
        List<RouteDayRules.Stop> visits = jdbc.sql("""
                SELECT point_id, arrived_at, left_at FROM san_visit WHERE work_day = :d AND terminal_phone = :t""")
                .param("d", day)
                .param("t", route.terminal())
                .query((rs, n) ->
                        new RouteDayRules.Stop(rs.getLong(1), instant(rs, "arrived_at"), instant(rs, "left_at")))
                .list();
        List<PlannedStop> planned = route.stops().stream()
                .map(s -> new PlannedStop(s.seq(), s.pointId(), LocalTime.parse(s.from()), LocalTime.parse(s.to())))
                .toList();
        Map<Long, CollectionPoint> points = new HashMap<>();
        allPoints().forEach(p -> points.put(p.id(), p));
        List<RouteDayRow> out = new ArrayList<>();
        for (RouteDayRules.StopResult r :
                RouteDayRules.evaluate(planned, visits, day, clock.instant(), CityClock.ZONE)) {
            CollectionPoint p = points.get(r.stop().pointId());
            out.add(new RouteDayRow(
                    r.stop().seq(),
                    r.stop().pointId(),
                    p == null ? "" : p.code(),
                    p == null ? "" : p.name(),
                    r.stop().from() + "–" + r.stop().to(),
                    r.status(),
                    r.status().label(),
                    r.arrivedAt(),
                    r.leftAt(),
                    r.outOfOrder()));
        }
        return out;
    }

    /** Transfer-station arrivals (转运站到达) of a day, at the caller's stations. */
    public List<VisitRow> transferArrivals(LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(ScopeColumns.area("p.district_code"), params);
        return jdbc.sql("""
                SELECT p.code, p.name, p.kind, v.terminal_phone, v.arrived_at, v.left_at FROM san_visit v
                JOIN san_point p ON p.id = v.point_id
                WHERE v.work_day = :d AND p.kind = 'TRANSFER_STATION' AND """ + " " + where + " ORDER BY v.arrived_at")
                .params(params)
                .param("d", day)
                .query((rs, n) -> new VisitRow(
                        rs.getString(1),
                        rs.getString(2),
                        PointKind.valueOf(rs.getString(3)).label(),
                        rs.getString(4),
                        instant(rs, "arrived_at"),
                        instant(rs, "left_at")))
                .list();
    }

    /** Missed stops (漏收) found on a day, on the caller's routes: the alert list. */
    public List<MissedStop> missed(LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(ScopeColumns.area("r.district_code"), params);
        return jdbc.sql("""
                SELECT m.id, m.route_id, r.name AS route_name, m.seq, p.code, p.name AS point_name, m.work_day,
                  m.case_number FROM san_stop_missed m JOIN san_route r ON r.id = m.route_id
                JOIN san_point p ON p.id = m.point_id WHERE m.work_day = :d AND """ + " " + where + " ORDER BY r.name, m.seq")
                .params(params)
                .param("d", day)
                .query((rs, n) -> new MissedStop(
                        rs.getLong("id"),
                        rs.getLong("route_id"),
                        rs.getString("route_name"),
                        rs.getInt("seq"),
                        rs.getString("code"),
                        rs.getString("point_name"),
                        rs.getObject("work_day", LocalDate.class),
                        rs.getString("case_number")))
                .list();
    }

    /** An alert (漏收): a stop whose window ended without a visit. */
    public record MissedStop(
            long id,
            long routeId,
            String routeName,
            int seq,
            String pointCode,
            String pointName,
            LocalDate day,
            String caseNumber) {}

    public byte[] exportDay(long routeId, LocalDate day, StaffMember me) {
        Route r = route(routeId, me);
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet =
                    wb.sheet("收运线路日报", List.of("线路", "日期", "顺序", "收集点编码", "收集点", "时间窗", "状态", "到达", "离开", "到点顺序"));
            for (RouteDayRow row : day(r, day)) {
                sheet.row(
                        r.name(),
                        day.toString(),
                        row.seq(),
                        row.pointCode(),
                        row.pointName(),
                        row.window(),
                        row.statusLabel(),
                        display(row.arrivedAt()),
                        display(row.leftAt()),
                        row.outOfOrder() ? "顺序异常" : "");
            }
            return wb.toBytes();
        }
    }

    private static String display(Instant t) {
        return t == null
                ? ""
                : t.atZone(CityClock.ZONE).toLocalDateTime().toString().replace('T', ' ');
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return DbTime.fromDb(rs.getObject(column, java.time.OffsetDateTime.class));
    }

    static CollectionPoint point(ResultSet rs, int n) throws SQLException {
        PointKind kind = PointKind.valueOf(rs.getString("kind"));
        return new CollectionPoint(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                kind,
                kind.label(),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("district_code"));
    }
}
