package org.cityops.sanitation.attendance;

import static org.cityops.sanitation.attendance.RegisterFields.blankToNull;
import static org.cityops.sanitation.attendance.RegisterFields.require;
import static org.cityops.sanitation.attendance.RegisterFields.scope;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
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
 * 作业人员: the workers with their devices (the terminal their positions come from), each on a post
 * ({@link WorkerPosts}) and a shift ({@link Shifts}). A worker belongs to the post's district and is seen within the
 * caller's data scope (AREA); the phone number is masked wherever listed and kept out of the audit trail. Every change
 * is audited.
 */
@Service
public class Workers {

    private final JdbcClient jdbc;
    private final WorkerPosts posts;
    private final Shifts shifts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workers(
            JdbcClient jdbc,
            WorkerPosts posts,
            Shifts shifts,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.shifts = shifts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Worker createWorker(
            String name, String phone, String terminal, long postId, long shiftId, StaffMember me, boolean synthetic) {
        CheckedWorker c = checkWorker(name, phone, terminal, postId, shiftId, me, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO san_worker (name, phone, terminal_phone, post_id, shift_id, synthetic, created_at)
                VALUES (:name, :phone, :t, :post, :shift, :synthetic, :now)""")
                .param("name", name.trim())
                .param("phone", blankToNull(phone))
                .param("t", c.terminal())
                .param("post", c.post().id())
                .param("shift", shiftId)
                .param("synthetic", synthetic)
                .param("now", DbTime.toDb(clock.instant()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // the phone number stays out of the audit text (personal data)
        audit.record(
                "SAN_WORKER",
                String.valueOf(id),
                "CREATE",
                null,
                name.trim() + " " + c.terminal() + " " + c.post().code());
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
        CheckedWorker c = checkWorker(name, phone, terminal, postId, shiftId, me, id);
        jdbc.sql("""
                UPDATE san_worker SET name = :name, phone = COALESCE(:phone, phone), terminal_phone = :t,
                  post_id = :post, shift_id = :shift, active = :active WHERE id = :id""")
                .param("name", name.trim())
                .param("phone", blankToNull(phone))
                .param("t", c.terminal())
                .param("post", c.post().id())
                .param("shift", shiftId)
                .param("active", active)
                .param("id", id)
                .update();
        Worker after = worker(id, me);
        audit.record("SAN_WORKER", String.valueOf(id), "UPDATE", describe(before), describe(after));
        events.publishEvent(new LedgerChanged("worker"));
        return after;
    }

    /** The terminal number as stored (leading zeros dropped) and the caller's post the worker is on. */
    private record CheckedWorker(String terminal, Post post) {}

    /**
     * 作业人员 rules: a name, a phone of 7–15 digits or none, a terminal of 1–20 digits that no other worker
     * ({@code exceptId} aside) and no sanitation vehicle has, a post of the caller's area and a shift that exists.
     */
    private CheckedWorker checkWorker(
            String name, String phone, String terminal, long postId, long shiftId, StaffMember me, Long exceptId) {
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
                                .param("id", exceptId == null ? Long.valueOf(-1L) : exceptId)
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("SELECT COUNT(*) FROM san_vehicle WHERE terminal_phone = :v")
                                .param("v", t)
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new InvalidInputException("终端号已登记 terminal already registered", "terminal");
        }
        Post post;
        try {
            post = posts.post(postId, me);
        } catch (NotFoundException e) {
            throw new InvalidInputException("岗位不存在 unknown post", "postId");
        }
        try {
            shifts.shift(shiftId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("班次不存在 unknown shift", "shiftId");
        }
        return new CheckedWorker(t, post);
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

    /** How many workers (active or not) each shift has in the caller's area: shift id → count. */
    public Map<Long, Long> countsByShift(StaffMember me) {
        Map<Long, Long> out = new HashMap<>();
        for (Worker w : workers(me)) {
            out.merge(w.shiftId(), 1L, Long::sum);
        }
        return out;
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
}
