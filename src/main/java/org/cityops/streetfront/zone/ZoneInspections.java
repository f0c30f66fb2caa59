package org.cityops.streetfront.zone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 责任区巡查: an inspection records a result per item (an item not given is 合格), 履约 is judged by
 * {@link ZoneRules#compliant}; when the zone's failures reach the repeat policy (default 3 in 30 days, settings
 * {@code cityops.streetfront.zones.repeat-failures} and {@code …repeat-window-days}) a case is asked for with
 * {@link CaseRequested} (source {@code streetfront-zone}, key = the inspection id) and {@link CaseOpened} links it
 * back to that inspection.
 */
@Service
public class ZoneInspections {

    static final String SOURCE = "streetfront-zone";

    private final JdbcClient jdbc;
    private final Zones zones;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneRules.RepeatPolicy policy;
    private final String category;

    ZoneInspections(
            JdbcClient jdbc,
            Zones zones,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${cityops.streetfront.zones.repeat-failures:3}") int threshold,
            @Value("${cityops.streetfront.zones.repeat-window-days:30}") int windowDays,
            @Value("${cityops.streetfront.zones.cases.category:09005}") String category) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.policy = new ZoneRules.RepeatPolicy(threshold, windowDays);
        this.category = category;
    }

    public ZoneRules.RepeatPolicy policy() {
        return policy;
    }

    /** Records an inspection of a zone in the caller's scope; items not given are 合格. */
    @Transactional
    public ZoneInspection record(long zoneId, Map<ZoneItem, ItemResult> given, String note, StaffMember me) {
        Zone z = zones.get(zoneId, me);
        Map<ZoneItem, ItemResult> items = ZoneRules.items(given);
        String text = note == null || note.isBlank() ? null : note.trim();
        ZoneRules.Problem problem = ZoneRules.problem(items, text);
        if (problem != null) {
            throw new InvalidInputException(problem.message(), problem.field());
        }
        boolean compliant = ZoneRules.compliant(items);
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_zone_inspection (zone_id, inspector, inspected_at, cityscape, sanitation, street_order,
                  greenery, compliant, note) VALUES (:z, :u, :at, :c, :s, :o, :g, :ok, :note)""")
                .param("z", zoneId)
                .param("u", me.username())
                .param("at", DbTime.toDb(now))
                .param("c", items.get(ZoneItem.CITYSCAPE).name())
                .param("s", items.get(ZoneItem.SANITATION).name())
                .param("o", items.get(ZoneItem.ORDER).name())
                .param("g", items.get(ZoneItem.GREENERY).name())
                .param("ok", compliant)
                .param("note", text)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "SF_ZONE_INSPECTION",
                String.valueOf(id),
                "CREATE",
                null,
                z.code() + " " + (compliant ? "COMPLIANT" : "FAILED") + " " + items + (text == null ? "" : " " + text));
        if (!compliant) {
            Instant from = now.minus(policy.windowDays(), ChronoUnit.DAYS);
            long failures = jdbc.sql("SELECT COUNT(*) FROM sf_zone_inspection WHERE zone_id = :z AND NOT compliant "
                            + "AND inspected_at > :from")
                    .param("z", zoneId)
                    .param("from", DbTime.toDb(from))
                    .query(Long.class)
                    .single();
            boolean asked = jdbc.sql("SELECT COUNT(*) FROM sf_zone_inspection WHERE zone_id = :z AND case_requested "
                                    + "AND inspected_at > :from")
                            .param("z", zoneId)
                            .param("from", DbTime.toDb(from))
                            .query(Long.class)
                            .single()
                    > 0;
            if (policy.opensCase(failures, asked)) {
                requestCase(id, z, items, failures, text);
            }
        }
        return get(id);
    }

    private void requestCase(long inspectionId, Zone z, Map<ZoneItem, ItemResult> items, long failures, String note) {
        jdbc.sql("UPDATE sf_zone_inspection SET case_requested = TRUE WHERE id = :id")
                .param("id", inspectionId)
                .update();
        String failed = items.entrySet().stream()
                .filter(e -> e.getValue() == ItemResult.FAIL)
                .map(e -> e.getKey().label())
                .collect(Collectors.joining("、"));
        String description = String.format(
                Locale.ROOT,
                "【门前三包】责任区 %s %s：%d日内%d次巡查未履约（本次不合格：%s%s）；责任人 %s（统一社会信用代码 %s）",
                z.code(),
                z.name(),
                policy.windowDays(),
                failures,
                failed,
                note == null ? "" : "，" + note,
                z.partyName(),
                z.partyCreditCode());
        events.publishEvent(new CaseRequested(
                SOURCE,
                String.valueOf(inspectionId),
                category,
                description,
                z.lat(),
                z.lon(),
                z.address() == null ? String.format(Locale.ROOT, "%.6f,%.6f", z.lat(), z.lon()) : z.address(),
                "sf_zone_inspection " + inspectionId));
        audit.record("SF_ZONE_INSPECTION", String.valueOf(inspectionId), "CASE_REQUESTED", null, category);
    }

    /** A zone's inspections, newest first (scope checked through the zone). */
    public List<ZoneInspection> history(long zoneId, StaffMember me) {
        zones.get(zoneId, me);
        return jdbc.sql("SELECT * FROM sf_zone_inspection WHERE zone_id = :z ORDER BY inspected_at DESC, id DESC "
                        + "FETCH FIRST 200 ROWS ONLY")
                .param("z", zoneId)
                .query(ZoneInspections::map)
                .list();
    }

    /** The zones among the caller's that {@code me} inspected today (city time): the phone list marks them. */
    public Set<Long> inspectedToday(StaffMember me) {
        Instant start = clock.instant()
                .atZone(CityClock.ZONE)
                .toLocalDate()
                .atStartOfDay(CityClock.ZONE)
                .toInstant();
        return Set.copyOf(jdbc.sql("SELECT DISTINCT zone_id FROM sf_zone_inspection WHERE inspector = :u "
                        + "AND inspected_at >= :from")
                .param("u", me.username())
                .param("from", DbTime.toDb(start))
                .query(Long.class)
                .list());
    }

    ZoneInspection get(long id) {
        return jdbc.sql("SELECT * FROM sf_zone_inspection WHERE id = :id")
                .param("id", id)
                .query(ZoneInspections::map)
                .single();
    }

    /** The cases module opened (or could not open) the case: link it to the inspection that asked. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, "");
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        String failure = opened.failure(300);
        jdbc.sql("UPDATE sf_zone_inspection SET case_id = :c, case_number = :n, case_failure = :fail WHERE id = :id")
                .param("c", opened.caseId())
                .param("n", opened.caseNumber())
                .param("fail", failure)
                .param("id", id)
                .update();
    }

    static ZoneInspection map(ResultSet rs, int n) throws SQLException {
        Map<ZoneItem, ItemResult> items = new EnumMap<>(ZoneItem.class);
        items.put(ZoneItem.CITYSCAPE, ItemResult.valueOf(rs.getString("cityscape")));
        items.put(ZoneItem.SANITATION, ItemResult.valueOf(rs.getString("sanitation")));
        items.put(ZoneItem.ORDER, ItemResult.valueOf(rs.getString("street_order")));
        items.put(ZoneItem.GREENERY, ItemResult.valueOf(rs.getString("greenery")));
        return new ZoneInspection(
                rs.getLong("id"),
                rs.getLong("zone_id"),
                rs.getString("inspector"),
                DbTime.fromDb(rs.getObject("inspected_at", OffsetDateTime.class)),
                items,
                rs.getBoolean("compliant"),
                rs.getString("note"),
                rs.getBoolean("case_requested"),
                rs.getObject("case_id") == null ? null : rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("case_failure"));
    }
}
