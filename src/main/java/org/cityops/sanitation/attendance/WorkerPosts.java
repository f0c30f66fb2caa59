package org.cityops.sanitation.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.WorkingCalendar;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.coverage.LocalFrame;
import org.cityops.sanitation.ledger.Segments;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 作业人员在岗: posts (polygons with the segments they keep), shifts, workers with their devices, the workers'
 * positions (from {@link AttendanceRunner}) and the daily attendance sheet ({@link AttendanceRules} per worker and
 * shift) with its .xlsx. Posts and workers belong to the post's district and are seen within the caller's data
 * scope (AREA); every change is audited.
 *
 * <p>Over 400 lines: posts, shifts, workers and the day's sheet are kept together because the sheet reads all three with one scope;
 * it should be split into a ledger (posts, shifts, workers) and the sheet (to do).
 */
@Service
public class WorkerPosts {

    private static final ScopeColumns COLUMNS = ScopeColumns.area("district_code");
    private static final LocalFrame FRAME = LocalFrame.changzhou();
    private static final GeometryFactory GF = new GeometryFactory();
    private final JdbcClient jdbc;
    private final GridLocator grids;
    private final Segments segments;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AttendanceRules rules;

    WorkerPosts(
            JdbcClient jdbc,
            GridLocator grids,
            Segments segments,
            WorkingCalendar calendar,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${cityops.sanitation.attendance.off-post-after:PT15M}") Duration offPostAfter,
            @Value("${cityops.sanitation.attendance.still-after:PT30M}") Duration stillAfter,
            @Value("${cityops.sanitation.attendance.still-radius-m:15}") double stillRadius) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.segments = segments;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = new AttendanceRules(new AttendanceRules.Settings(offPostAfter, stillAfter, stillRadius));
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    // ---- posts

    /** A post as asked for: the polygon as WKT (WGS-84, x = lon, y = lat). */
    public record PostDraft(
            String code, String name, String wkt, String section, String company, List<Long> segmentIds) {}

    @Transactional
    public Post createPost(PostDraft d, StaffMember me, boolean synthetic) {
        CheckedPost c = checkPost(d, me, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_post (code, name, district_code, section, company, area_wkt, synthetic, created_at)
                VALUES (:code, :name, :district, :section, :company, :wkt, :synthetic, :now)""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("district", c.district())
                .param("section", blankToNull(d.section()))
                .param("company", blankToNull(d.company()))
                .param("wkt", c.area().toText())
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writePostSegments(id, c.segmentIds());
        audit.record("SAN_POST", String.valueOf(id), "CREATE", null, d.code() + " " + d.name());
        return post(id, me);
    }

    /**
     * Changes a post whole (all or nothing, the same checks as {@link #createPost}); the caller must see the post
     * as it is and the post as it becomes (a post cannot be moved out of the caller's area). Audited with before
     * and after.
     */
    @Transactional
    public Post updatePost(long id, PostDraft d, StaffMember me) {
        Post before = post(id, me);
        CheckedPost c = checkPost(d, me, id);
        jdbc.sql("""
                UPDATE san_post SET code = :code, name = :name, district_code = :district, section = :section,
                  company = :company, area_wkt = :wkt WHERE id = :id""")
                .param("code", d.code().trim())
                .param("name", d.name().trim())
                .param("district", c.district())
                .param("section", blankToNull(d.section()))
                .param("company", blankToNull(d.company()))
                .param("wkt", c.area().toText())
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM san_post_segment WHERE post_id = :p")
                .param("p", id)
                .update();
        writePostSegments(id, c.segmentIds());
        Post after = post(id, me);
        audit.record("SAN_POST", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("post"));
        return after;
    }

    private static String describe(Post p) {
        return p.code() + " " + p.name() + " " + p.districtCode() + " " + (p.section() == null ? "" : p.section()) + " "
                + (p.company() == null ? "" : p.company()) + " segments " + p.segmentIds() + " "
                + (p.wkt().length() > 1500 ? p.wkt().substring(0, 1500) + "…" : p.wkt());
    }

    private void writePostSegments(long id, List<Long> segmentIds) {
        for (Long s : segmentIds) {
            jdbc.sql("INSERT INTO san_post_segment (post_id, segment_id) VALUES (:p, :s)")
                    .param("p", id)
                    .param("s", s)
                    .update();
        }
    }

    private record CheckedPost(Polygon area, String district, List<Long> segmentIds) {}

    private CheckedPost checkPost(PostDraft d, StaffMember me, Long exceptId) {
        require(d.code(), "code", "岗位编码必填 code required");
        require(d.name(), "name", "岗位名称必填 name required");
        Polygon area = polygon(d.wkt());
        Point inner = area.getInteriorPoint();
        Optional<GridLocation> cell = grids.locate(inner.getY(), inner.getX());
        if (cell.isEmpty()) {
            throw new InvalidInputException("岗位不在本市网格内 post outside the city", "wkt");
        }
        for (Coordinate c : area.getExteriorRing().getCoordinates()) {
            if (grids.locate(c.y, c.x).isEmpty()) {
                throw new InvalidInputException("岗位的顶点在本市网格外 a corner of the post is outside the city", "wkt");
            }
        }
        String district = cell.get().districtCode();
        if (!scope(me).matches(district, null, null)) {
            throw new InvalidInputException("岗位不在您的管辖范围内 post outside your area", "wkt");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_post WHERE code = :v AND id <> :id")
                        .param("v", d.code().trim())
                        .param("id", exceptId == null ? Long.valueOf(-1L) : exceptId)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("岗位编码已存在 code already exists", "code");
        }
        List<Long> segmentIds = d.segmentIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.segmentIds()));
        for (int i = 0; i < segmentIds.size(); i++) {
            try {
                segments.get(segmentIds.get(i), me);
            } catch (NotFoundException e) {
                throw new InvalidInputException("路段不存在 unknown segment", "segmentIds[" + i + "]");
            }
        }
        return new CheckedPost(area, district, segmentIds);
    }

    private static Polygon polygon(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            throw new InvalidInputException("岗位范围必填（WKT POLYGON）area required", "wkt");
        }
        Geometry g;
        try {
            g = new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new InvalidInputException("岗位范围须为 WKT POLYGON area must be a WKT POLYGON", "wkt");
        }
        if (!(g instanceof Polygon p) || p.isEmpty()) {
            throw new InvalidInputException("岗位范围须为 WKT POLYGON area must be a WKT POLYGON", "wkt");
        }
        if (!p.isValid() || p.getArea() <= 0) {
            throw new InvalidInputException("岗位范围自相交或面积为零 area crosses itself or is empty", "wkt");
        }
        return p;
    }

    public List<Post> posts(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT * FROM san_post WHERE " + where + " ORDER BY code")
                .params(params)
                .query(this::post)
                .list();
    }

    public Post post(long id, StaffMember me) {
        Post p = jdbc.sql("SELECT * FROM san_post WHERE id = :id")
                .param("id", id)
                .query(this::post)
                .optional()
                .orElseThrow(() -> new NotFoundException("岗位不存在 post not found"));
        if (!scope(me).matches(p.districtCode(), null, null)) {
            throw new NotFoundException("岗位不存在 post not found");
        }
        return p;
    }

    private Post post(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Long> segmentIds = jdbc.sql(
                        "SELECT segment_id FROM san_post_segment WHERE post_id = :p ORDER BY segment_id")
                .param("p", id)
                .query(Long.class)
                .list();
        return new Post(
                id,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("district_code"),
                rs.getString("section"),
                rs.getString("company"),
                rs.getString("area_wkt"),
                segmentIds,
                rs.getBoolean("synthetic"));
    }

    // ---- shifts

    @Transactional
    public Shift createShift(String name, String start, String end, ShiftDays days, StaffMember me) {
        ShiftWindow w = checkShift(name, start, end, days, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO san_shift (name, start_time, end_time, days, created_at) "
                        + "VALUES (:name, :start, :end, :days, :now)")
                .param("name", name.trim())
                .param("start", w.from().toString())
                .param("end", w.to().toString())
                .param("days", days.name())
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SAN_SHIFT", String.valueOf(id), "CREATE", null, name + " " + w.from() + "–" + w.to() + " " + days);
        return shift(id);
    }

    /**
     * Changes a shift whole (the same checks as {@link #createShift}). A shift is a city-wide timetable, so changing
     * it changes the day of every worker on it: a caller may change it only when every worker on it is in the
     * caller's area (403 otherwise). Audited with before and after; the attendance sheet reads the new window.
     */
    @Transactional
    public Shift updateShift(long id, String name, String start, String end, ShiftDays days, StaffMember me) {
        Shift before = shift(id);
        requireMayChangeShift(id, me);
        ShiftWindow w = checkShift(name, start, end, days, id);
        jdbc.sql("UPDATE san_shift SET name = :name, start_time = :start, end_time = :end, days = :days WHERE id = :id")
                .param("name", name.trim())
                .param("start", w.from().toString())
                .param("end", w.to().toString())
                .param("days", days.name())
                .param("id", id)
                .update();
        Shift after = shift(id);
        audit.record("SAN_SHIFT", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("shift"));
        return after;
    }

    /** One shift to edit: 404 when it does not exist, 403 when workers outside the caller's area are on it. */
    public Shift shiftToEdit(long id, StaffMember me) {
        Shift s = shift(id);
        requireMayChangeShift(id, me);
        return s;
    }

    /** How many workers (active or not) each shift has in the caller's area: shift id → count. */
    public Map<Long, Long> shiftWorkerCounts(StaffMember me) {
        Map<Long, Long> out = new HashMap<>();
        for (Worker w : workers(me)) {
            out.merge(w.shiftId(), 1L, Long::sum);
        }
        return out;
    }

    private void requireMayChangeShift(long id, StaffMember me) {
        List<String> districts = jdbc.sql(
                        "SELECT DISTINCT p.district_code FROM san_worker w JOIN san_post p ON p.id = w.post_id "
                                + "WHERE w.shift_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        ScopeFilter scope = scope(me);
        for (String d : districts) {
            if (!scope.matches(d, null, null)) {
                throw new AccessDeniedToEntityException(
                        "该班次有您管辖范围以外的作业人员在用，不能修改 workers outside your area are on this shift", "id");
            }
        }
    }

    private record ShiftWindow(LocalTime from, LocalTime to) {}

    /** 班次 rules: a name (unique), {@code HH:mm}–{@code HH:mm} with the end after the start (no night over midnight). */
    private ShiftWindow checkShift(String name, String start, String end, ShiftDays days, Long id) {
        require(name, "name", "班次名称必填 name required");
        LocalTime from = time(start, "start");
        LocalTime to = time(end, "end");
        if (!to.isAfter(from)) {
            throw new InvalidInputException(
                    "班次时间为空或跨午夜（结束须晚于开始，同一天内）empty shift or over midnight: the end must be after the start", "end");
        }
        if (days == null) {
            throw new InvalidInputException("必填（EVERY_DAY 每天 / WORKING_DAYS 工作日）required", "days");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_shift WHERE name = :v AND id <> :id")
                        .param("v", name.trim())
                        .param("id", id == null ? Long.valueOf(-1L) : id)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidInputException("班次名称已存在 name already exists", "name");
        }
        return new ShiftWindow(from, to);
    }

    private static String describe(Shift s) {
        return s.name() + " " + s.window() + " " + s.days();
    }

    /** Shifts are city-wide (a timetable, no place): everybody who sees sanitation sees them. */
    public List<Shift> shifts() {
        return jdbc.sql("SELECT * FROM san_shift ORDER BY start_time, name")
                .query(WorkerPosts::shift)
                .list();
    }

    /** One shift (shifts are city-wide; 404 when it does not exist). */
    public Shift shift(long id) {
        return jdbc.sql("SELECT * FROM san_shift WHERE id = :id")
                .param("id", id)
                .query(WorkerPosts::shift)
                .optional()
                .orElseThrow(() -> new NotFoundException("班次不存在 shift not found"));
    }

    private static Shift shift(ResultSet rs, int n) throws SQLException {
        ShiftDays days = ShiftDays.valueOf(rs.getString("days"));
        return new Shift(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("start_time"),
                rs.getString("end_time"),
                days,
                days.label());
    }

    // ---- workers

    @Transactional
    public Worker createWorker(
            String name, String phone, String terminal, long postId, long shiftId, StaffMember me, boolean synthetic) {
        require(name, "name", "姓名必填 name required");
        if (phone != null && !phone.isBlank() && !phone.trim().matches("\\d{7,15}")) {
            throw new InvalidInputException("电话须为 7–15 位数字 phone must be 7 to 15 digits", "phone");
        }
        String t = terminal == null ? "" : terminal.trim().replaceFirst("^0+", "");
        if (!t.matches("\\d{1,20}")) {
            throw new InvalidInputException("终端号须为 1–20 位数字 terminal must be 1 to 20 digits", "terminal");
        }
        if (count("SELECT COUNT(*) FROM san_worker WHERE terminal_phone = :v", t) > 0
                || count("SELECT COUNT(*) FROM san_vehicle WHERE terminal_phone = :v", t) > 0) {
            throw new InvalidInputException("终端号已登记 terminal already registered", "terminal");
        }
        Post post;
        try {
            post = post(postId, me);
        } catch (NotFoundException e) {
            throw new InvalidInputException("岗位不存在 unknown post", "postId");
        }
        try {
            shift(shiftId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("班次不存在 unknown shift", "shiftId");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_worker (name, phone, terminal_phone, post_id, shift_id, synthetic, created_at)
                VALUES (:name, :phone, :t, :post, :shift, :synthetic, :now)""")
                .param("name", name.trim())
                .param("phone", blankToNull(phone))
                .param("t", t)
                .param("post", post.id())
                .param("shift", shiftId)
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // the phone number stays out of the audit text (personal data)
        audit.record("SAN_WORKER", String.valueOf(id), "CREATE", null, name.trim() + " " + t + " " + post.code());
        events.publishEvent(new LedgerChanged("worker"));
        return workers(me).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    /**
     * Changes a worker whole (the same checks as {@link #createWorker}); a blank phone keeps the number on file (the
     * form never shows it unmasked). The worker must be in the caller's area before and after. Audited with before
     * and after, the phone left out.
     */
    @Transactional
    public Worker updateWorker(
            long id,
            String name,
            String phone,
            String terminal,
            long postId,
            long shiftId,
            boolean active,
            StaffMember me) {
        Worker before = worker(id, me);
        require(name, "name", "姓名必填 name required");
        if (phone != null && !phone.isBlank() && !phone.trim().matches("\\d{7,15}")) {
            throw new InvalidInputException("电话须为 7–15 位数字 phone must be 7 to 15 digits", "phone");
        }
        String t = terminal == null ? "" : terminal.trim().replaceFirst("^0+", "");
        if (!t.matches("\\d{1,20}")) {
            throw new InvalidInputException("终端号须为 1–20 位数字 terminal must be 1 to 20 digits", "terminal");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM san_worker WHERE terminal_phone = :v AND id <> :id")
                                .param("v", t)
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        > 0
                || count("SELECT COUNT(*) FROM san_vehicle WHERE terminal_phone = :v", t) > 0) {
            throw new InvalidInputException("终端号已登记 terminal already registered", "terminal");
        }
        Post post;
        try {
            post = post(postId, me);
        } catch (NotFoundException e) {
            throw new InvalidInputException("岗位不存在 unknown post", "postId");
        }
        try {
            shift(shiftId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("班次不存在 unknown shift", "shiftId");
        }
        jdbc.sql("""
                UPDATE san_worker SET name = :name, phone = COALESCE(:phone, phone), terminal_phone = :t,
                  post_id = :post, shift_id = :shift, active = :active WHERE id = :id""")
                .param("name", name.trim())
                .param("phone", blankToNull(phone))
                .param("t", t)
                .param("post", post.id())
                .param("shift", shiftId)
                .param("active", active)
                .param("id", id)
                .update();
        Worker after = worker(id, me);
        audit.record("SAN_WORKER", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("worker"));
        return after;
    }

    private static String describe(Worker w) {
        return w.name() + " " + w.terminal() + " post " + w.postId() + " shift " + w.shiftId()
                + (w.active() ? " active" : " inactive");
    }

    /** One worker of the caller's posts (404 otherwise). */
    public Worker worker(long id, StaffMember me) {
        return workers(me).stream()
                .filter(w -> w.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("作业人员不存在 worker not found"));
    }

    public List<Worker> workers(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(ScopeColumns.area("p.district_code"), params);
        return jdbc.sql("""
                SELECT w.id, w.name, w.phone, w.terminal_phone, w.post_id, p.name AS post_name, w.shift_id,
                  s.name AS shift_name, p.district_code, w.active FROM san_worker w
                JOIN san_post p ON p.id = w.post_id JOIN san_shift s ON s.id = w.shift_id
                WHERE """ + " " + where + " ORDER BY p.code, s.start_time, w.name")
                .params(params)
                .query((rs, n) -> new Worker(
                        rs.getLong("id"),
                        rs.getString("name"),
                        Worker.mask(rs.getString("phone")),
                        rs.getString("terminal_phone"),
                        rs.getLong("post_id"),
                        rs.getString("post_name"),
                        rs.getLong("shift_id"),
                        rs.getString("shift_name"),
                        rs.getString("district_code"),
                        rs.getBoolean("active")))
                .list();
    }

    /** The active workers' terminals (the observer), by number: the district of the worker's post. */
    public Map<String, String> activeTerminals() {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT w.terminal_phone, p.district_code FROM san_worker w JOIN san_post p ON p.id = w.post_id "
                        + "WHERE w.active")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    // ---- positions

    /** A worker's position as fed. */
    public record Fix(String terminal, Instant time, double lat, double lon) {}

    /** Stores workers' positions; a position already stored (same terminal and time: a replay) is ignored. */
    @Transactional
    public int record(List<Fix> fixes) {
        int stored = 0;
        for (Fix f : fixes) {
            stored += jdbc.sql("INSERT INTO san_worker_fix (terminal_phone, fix_time, lat, lon) "
                            + "VALUES (:t, :time, :lat, :lon) ON CONFLICT DO NOTHING")
                    .param("t", f.terminal())
                    .param("time", DbTime.toDb(f.time()))
                    .param("lat", f.lat())
                    .param("lon", f.lon())
                    .update();
        }
        return stored;
    }

    // ---- the daily sheet

    /** The day's sheet: every active worker of the caller's posts whose shift is worked that day. */
    public List<SheetRow> sheet(LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(ScopeColumns.area("p.district_code"), params);
        record Line(
                long workerId,
                String name,
                String phone,
                String terminal,
                long postId,
                String shiftName,
                String start,
                String end,
                ShiftDays days) {}
        List<Line> lines = jdbc.sql("""
                SELECT w.id, w.name, w.phone, w.terminal_phone, w.post_id, s.name AS shift_name, s.start_time,
                  s.end_time, s.days FROM san_worker w JOIN san_post p ON p.id = w.post_id
                JOIN san_shift s ON s.id = w.shift_id WHERE w.active AND """ + " " + where + " ORDER BY p.code, s.start_time, w.name")
                .params(params)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        ShiftDays.valueOf(rs.getString(9))))
                .list();
        boolean workingDay = workingDay(day);
        Map<Long, Post> posts = new HashMap<>();
        Map<Long, Polygon> areas = new HashMap<>();
        Instant now = clock.instant();
        List<SheetRow> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.days() == ShiftDays.WORKING_DAYS && !workingDay) {
                continue;
            }
            Post post = posts.computeIfAbsent(l.postId(), id -> post(id, StaffMember.SYSTEM));
            Polygon area = areas.computeIfAbsent(l.postId(), id -> local(polygon(post.wkt())));
            Instant start = day.atTime(LocalTime.parse(l.start()))
                    .atZone(CityClock.ZONE)
                    .toInstant();
            Instant end =
                    day.atTime(LocalTime.parse(l.end())).atZone(CityClock.ZONE).toInstant();
            Instant until = end.isAfter(now) ? now : end;
            String window = l.start() + "–" + l.end();
            if (!until.isAfter(start)) {
                out.add(new SheetRow(
                        l.workerId(),
                        l.name(),
                        Worker.mask(l.phone()),
                        l.terminal(),
                        post.id(),
                        post.code(),
                        post.name(),
                        post.districtCode(),
                        post.section(),
                        post.company(),
                        l.shiftName(),
                        window,
                        SheetStatus.NOT_STARTED,
                        SheetStatus.NOT_STARTED.label(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        null,
                        null));
                continue;
            }
            List<AttendanceRules.Fix> fixes = jdbc.sql("SELECT fix_time, lat, lon FROM san_worker_fix "
                            + "WHERE terminal_phone = :t AND fix_time >= :from AND fix_time < :to ORDER BY fix_time")
                    .param("t", l.terminal())
                    .param("from", DbTime.toDb(start))
                    .param("to", DbTime.toDb(until))
                    .query((rs, n) -> {
                        Coordinate c = FRAME.toMetres(rs.getDouble(2), rs.getDouble(3));
                        return new AttendanceRules.Fix(
                                DbTime.fromDb(rs.getObject(1, java.time.OffsetDateTime.class)), c.x, c.y);
                    })
                    .list();
            AttendanceRules.ShiftResult r = rules.evaluate(area, start, until, fixes);
            SheetStatus status = SheetStatus.of(r.status());
            out.add(new SheetRow(
                    l.workerId(),
                    l.name(),
                    Worker.mask(l.phone()),
                    l.terminal(),
                    post.id(),
                    post.code(),
                    post.name(),
                    post.districtCode(),
                    post.section(),
                    post.company(),
                    l.shiftName(),
                    window,
                    status,
                    status.label(),
                    Duration.between(start, until).toMinutes(),
                    r.onPost().toMinutes(),
                    r.outside().toMinutes(),
                    r.idle().toMinutes(),
                    r.positions(),
                    r.offPost(),
                    r.still(),
                    fixes.isEmpty() ? null : fixes.get(0).time(),
                    fixes.isEmpty() ? null : fixes.get(fixes.size() - 1).time()));
        }
        return out;
    }

    /** A 离岗 alert: a worker outside the post longer than allowed, with the stretch. */
    public record OffPostAlert(
            String workerName, String postName, String shiftName, Instant from, Instant to, long minutes) {}

    /** The day's 离岗 alerts, newest first. */
    public List<OffPostAlert> alerts(List<SheetRow> sheet) {
        List<OffPostAlert> out = new ArrayList<>();
        for (SheetRow r : sheet) {
            for (AttendanceRules.Episode e : r.offPost()) {
                out.add(new OffPostAlert(
                        r.workerName(),
                        r.postName(),
                        r.shiftName(),
                        e.from(),
                        e.to(),
                        e.length().toMinutes()));
            }
        }
        out.sort(Comparator.comparing(OffPostAlert::from).reversed());
        return out;
    }

    public byte[] exportSheet(LocalDate day, StaffMember me) {
        List<SheetRow> rows = sheet(day, me);
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet(
                    "作业人员考勤表",
                    List.of(
                            "日期", "岗位编码", "岗位", "标段", "作业单位", "班次", "时段", "姓名", "电话", "终端号", "状态", "班次时长(分)", "在岗(分)",
                            "离岗(分)", "滞留(分)", "在岗率(%)", "定位数", "离岗时段"));
            for (SheetRow r : rows) {
                StringBuilder away = new StringBuilder();
                for (AttendanceRules.Episode e : r.offPost()) {
                    if (!away.isEmpty()) {
                        away.append("; ");
                    }
                    away.append(hhmm(e.from())).append("–").append(hhmm(e.to()));
                }
                sheet.row(
                        day.toString(),
                        r.postCode(),
                        r.postName(),
                        r.section() == null ? "" : r.section(),
                        r.company() == null ? "" : r.company(),
                        r.shiftName(),
                        r.shiftWindow(),
                        r.workerName(),
                        r.maskedPhone(),
                        r.terminal(),
                        r.statusLabel(),
                        r.shiftMinutes(),
                        r.onPostMinutes(),
                        r.outsideMinutes(),
                        r.idleMinutes(),
                        r.onPostRate() == null ? "" : r.onPostRate(),
                        r.positions(),
                        away.toString());
            }
            return wb.toBytes();
        }
    }

    private static String hhmm(Instant t) {
        return t.atZone(CityClock.ZONE).toLocalTime().withSecond(0).withNano(0).toString();
    }

    /** A working day of the working calendar: one with working time in it. */
    boolean workingDay(LocalDate day) {
        Instant from = day.atStartOfDay(CityClock.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        return calendar.elapsed(from, to, TimeBasis.WORKING).compareTo(Duration.ZERO) > 0;
    }

    private static Polygon local(Polygon wgs84) {
        Coordinate[] ring = wgs84.getExteriorRing().getCoordinates();
        Coordinate[] metres = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            metres[i] = FRAME.toMetres(ring[i].y, ring[i].x);
        }
        return GF.createPolygon(metres);
    }

    // ---- helpers

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(message, field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间须为 HH:mm time must be HH:mm", field);
        }
    }
}
