package org.cityops.sanitation.attendance;

import static org.cityops.sanitation.attendance.RegisterFields.scope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.WorkingCalendar;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 作业人员考勤: the day's attendance sheet (every active worker of the caller's posts whose shift is worked that day,
 * judged by {@link AttendanceRules} from the worker's positions within the post's area), its 离岗 alerts and its
 * .xlsx.
 */
@Service
public class AttendanceSheet {

    private final JdbcClient jdbc;
    private final WorkerPosts posts;
    private final WorkerPositions positions;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final AttendanceRules rules;

    AttendanceSheet(
            JdbcClient jdbc,
            WorkerPosts posts,
            WorkerPositions positions,
            WorkingCalendar calendar,
            Clock clock,
            @Value("${cityops.sanitation.attendance.off-post-after:PT15M}") Duration offPostAfter,
            @Value("${cityops.sanitation.attendance.still-after:PT30M}") Duration stillAfter,
            @Value("${cityops.sanitation.attendance.still-radius-m:15}") double stillRadius) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
        this.rules = new AttendanceRules(new AttendanceRules.Settings(offPostAfter, stillAfter, stillRadius));
    }

    /** A worker on a shift, as the sheet's query reads it. */
    private record Line(
            long workerId,
            String name,
            String phone,
            String terminal,
            long postId,
            String shiftName,
            String start,
            String end,
            ShiftDays days) {}

    /** The day's sheet: every active worker of the caller's posts whose shift is worked that day. */
    public List<SheetRow> sheet(LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(me).sql(ScopeColumns.area("p.district_code"), params);
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
        Map<Long, Post> postsById = new HashMap<>();
        Map<Long, Polygon> areas = new HashMap<>();
        Instant now = clock.instant();
        List<SheetRow> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.days() == ShiftDays.WORKING_DAYS && !workingDay) {
                continue;
            }
            Post post = postsById.computeIfAbsent(l.postId(), id -> posts.post(id, StaffMember.SYSTEM));
            Polygon area = areas.computeIfAbsent(l.postId(), id -> PostArea.inMetres(PostArea.parse(post.wkt())));
            Instant start = day.atTime(LocalTime.parse(l.start()))
                    .atZone(CityClock.ZONE)
                    .toInstant();
            Instant end =
                    day.atTime(LocalTime.parse(l.end())).atZone(CityClock.ZONE).toInstant();
            Instant until = end.isAfter(now) ? now : end;
            String window = l.start() + "–" + l.end();
            if (!until.isAfter(start)) {
                out.add(row(l, post, window, SheetStatus.NOT_STARTED, 0, null, List.of()));
                continue;
            }
            List<AttendanceRules.Fix> fixes = positions.between(l.terminal(), start, until);
            AttendanceRules.ShiftResult r = rules.evaluate(area, start, until, fixes);
            out.add(row(
                    l,
                    post,
                    window,
                    SheetStatus.of(r.status()),
                    Duration.between(start, until).toMinutes(),
                    r,
                    fixes));
        }
        return out;
    }

    /** One line of the sheet; {@code r} is null for a shift not begun (no minutes, no positions). */
    private static SheetRow row(
            Line l,
            Post post,
            String window,
            SheetStatus status,
            long shiftMinutes,
            AttendanceRules.ShiftResult r,
            List<AttendanceRules.Fix> fixes) {
        return new SheetRow(
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
                shiftMinutes,
                r == null ? 0 : r.onPost().toMinutes(),
                r == null ? 0 : r.outside().toMinutes(),
                r == null ? 0 : r.idle().toMinutes(),
                r == null ? 0 : r.positions(),
                r == null ? List.of() : r.offPost(),
                r == null ? List.of() : r.still(),
                fixes.isEmpty() ? null : fixes.get(0).time(),
                fixes.isEmpty() ? null : fixes.get(fixes.size() - 1).time());
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
}
