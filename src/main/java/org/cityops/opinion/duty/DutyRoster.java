package org.cityops.opinion.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cityops.audit.AuditTrail;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 值班表: who keeps the 舆情 duty on a day (值班员, at least one) and the leader on duty (带班领导, optional). Kept by
 * administrators, 值班长 and leaders; every change of a day is audited with the day's roster before and after.
 */
@Service
public class DutyRoster {

    /** One day of the roster; names are display names, accounts are usernames. */
    public record DutyDay(LocalDate date, List<Person> officers, Person leader) {

        public boolean empty() {
            return officers.isEmpty() && leader == null;
        }
    }

    /** An account on duty. */
    public record Person(String username, String name) {}

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final AuditTrail audit;

    DutyRoster(JdbcClient jdbc, OrgDirectory org, AuditTrail audit) {
        this.jdbc = jdbc;
        this.org = org;
        this.audit = audit;
    }

    /** May {@code me} change the roster? */
    public static boolean mayPlan(StaffMember me) {
        return me.isSystem() || me.hasAny(Role.ADMIN, Role.SHIFT_LEADER, Role.LEADER);
    }

    /** The accounts that may be put on duty as 值班员 (the duty officer roles). */
    public List<Person> candidates() {
        Set<String> seen = new LinkedHashSet<>();
        List<Person> out = new ArrayList<>();
        for (Role r : List.of(Role.SHIFT_LEADER, Role.OPERATOR)) {
            for (StaffMember s : org.staffWithRole(r)) {
                if (seen.add(s.username())) {
                    out.add(new Person(s.username(), s.displayName()));
                }
            }
        }
        return out;
    }

    /** The accounts that may be the leader on duty (领导, 值班长). */
    public List<Person> leaders() {
        Set<String> seen = new LinkedHashSet<>();
        List<Person> out = new ArrayList<>();
        for (Role r : List.of(Role.LEADER, Role.SHIFT_LEADER)) {
            for (StaffMember s : org.staffWithRole(r)) {
                if (seen.add(s.username())) {
                    out.add(new Person(s.username(), s.displayName()));
                }
            }
        }
        return out;
    }

    /** The days {@code from} … {@code from + days - 1}, each with its officers and leader (empty when unplanned). */
    public List<DutyDay> days(LocalDate from, int days) {
        Map<LocalDate, List<Row>> byDay = new TreeMap<>();
        jdbc.sql("SELECT duty_date, username, leader FROM op_duty WHERE duty_date >= :from AND duty_date < :to "
                        + "ORDER BY duty_date, leader, username")
                .param("from", from)
                .param("to", from.plusDays(days))
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
                .list()
                .forEach(r ->
                        byDay.computeIfAbsent(r.date, d -> new ArrayList<>()).add(r));
        List<DutyDay> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = from.plusDays(i);
            out.add(day(d, byDay.getOrDefault(d, List.of())));
        }
        return out;
    }

    /** One day of the roster. */
    public DutyDay day(LocalDate date) {
        return days(date, 1).get(0);
    }

    /** The leader on duty that day, as an account name. */
    public Optional<String> leaderOn(LocalDate date) {
        DutyDay d = day(date);
        return Optional.ofNullable(d.leader()).map(Person::username);
    }

    /**
     * Sets one day: the officers (at least one, each holding a duty officer role) and the leader (optional, a 领导
     * or 值班长). 403 for anybody who may not plan, 400 naming {@code officers} or {@code leader} otherwise.
     */
    @Transactional
    public DutyDay set(LocalDate date, List<String> officers, String leader, StaffMember me) {
        if (!mayPlan(me)) {
            throw new AccessDeniedToEntityException(
                    "只有管理员、值班长或领导可以排班 only administrators, shift leaders and leaders plan the duty");
        }
        if (date == null) {
            throw new InvalidInputException("日期必填 date required", "date");
        }
        List<String> names = officers == null
                ? List.of()
                : officers.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        if (names.isEmpty()) {
            throw new InvalidInputException("至少安排一名值班员 at least one officer on duty", "officers");
        }
        if (names.size() > 10) {
            throw new InvalidInputException("值班员不超过10人 at most 10 officers a day", "officers");
        }
        for (String u : names) {
            StaffMember s =
                    org.staff(u).orElseThrow(() -> new InvalidInputException("未知账号 unknown account " + u, "officers"));
            if (!s.hasAny(Role.SHIFT_LEADER, Role.OPERATOR, Role.ADMIN)) {
                throw new InvalidInputException(
                        "值班员须为值班长或受理员 an officer on duty must be a shift leader or operator: " + u, "officers");
            }
        }
        String lead = leader == null || leader.isBlank() ? null : leader.strip();
        if (lead != null) {
            StaffMember s = org.staff(lead)
                    .orElseThrow(() -> new InvalidInputException("未知账号 unknown account " + lead, "leader"));
            if (!s.hasAny(Role.LEADER, Role.SHIFT_LEADER)) {
                throw new InvalidInputException(
                        "带班领导须为领导或值班长 the leader on duty must be a leader or shift leader", "leader");
            }
        }
        DutyDay before = day(date);
        jdbc.sql("DELETE FROM op_duty WHERE duty_date = :d").param("d", date).update();
        for (String u : names) {
            insert(date, u, false);
        }
        if (lead != null) {
            insert(date, lead, true);
        }
        DutyDay after = day(date);
        audit.record("OP_DUTY", date.toString(), "SET", describe(before), describe(after));
        return after;
    }

    private void insert(LocalDate date, String username, boolean leader) {
        jdbc.sql("INSERT INTO op_duty (duty_date, username, leader) VALUES (:d, :u, :l)")
                .param("d", date)
                .param("u", username)
                .param("l", leader)
                .update();
    }

    private record Row(LocalDate date, String username, boolean leader) {}

    private DutyDay day(LocalDate date, List<Row> rows) {
        List<Person> officers = new ArrayList<>();
        Person leader = null;
        for (Row r : rows) {
            Person p = new Person(
                    r.username,
                    org.staff(r.username).map(StaffMember::displayName).orElse(r.username));
            if (r.leader) {
                leader = p;
            } else {
                officers.add(p);
            }
        }
        return new DutyDay(date, officers, leader);
    }

    private static String describe(DutyDay d) {
        return "officers=" + d.officers().stream().map(Person::username).toList() + " leader="
                + (d.leader() == null ? "-" : d.leader().username());
    }
}
