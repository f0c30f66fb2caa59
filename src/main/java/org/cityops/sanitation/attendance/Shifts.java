package org.cityops.sanitation.attendance;

import static org.cityops.sanitation.attendance.RegisterFields.require;
import static org.cityops.sanitation.attendance.RegisterFields.scope;
import static org.cityops.sanitation.attendance.RegisterFields.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ScopeFilter;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.sanitation.LedgerChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 班次: the city-wide timetable of daily windows the workers are on. Everybody who sees sanitation sees every shift;
 * changing one is allowed only to a caller who sees every worker on it. Every change is audited.
 */
@Service
public class Shifts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Shifts(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

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
                .query(Shifts::shift)
                .list();
    }

    /** One shift (shifts are city-wide; 404 when it does not exist). */
    public Shift shift(long id) {
        return jdbc.sql("SELECT * FROM san_shift WHERE id = :id")
                .param("id", id)
                .query(Shifts::shift)
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
}
