package org.cityops.streetfront.signs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.org.ScopeColumns;
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
 * Structure safety inspections (结构安全检查) of facilities: recording one (it closes the facility's open tasks and
 * moves its next due day by {@link InspectionCadence}), the mass inspection before a wind warning (one task for
 * every large facility in the area that has none open), and a finding sent as a 12319 case against the owner
 * ({@link CaseRequested}, source {@code streetfront}, key = the inspection id; {@link CaseOpened} links it back).
 */
@Service
public class Inspections {

    static final String SOURCE = "streetfront";
    private static final ScopeColumns COLUMNS =
            new ScopeColumns("f.grid_code", "f.district_code", "f.street_code", null, null);

    private final JdbcClient jdbc;
    private final Facilities facilities;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String category;

    Inspections(
            JdbcClient jdbc,
            Facilities facilities,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${cityops.streetfront.cases.category:07003}") String category) {
        this.jdbc = jdbc;
        this.facilities = facilities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.category = category;
    }

    /** Records an inspection; a finding needs its text (400 on {@code finding}) and becomes a case request. */
    @Transactional
    public Inspection record(long facilityId, InspectionResult result, String finding, StaffMember me) {
        Facility f = facilities.get(facilityId, me);
        if (result == null) {
            throw new InvalidInputException("检查结果必填 result required", "result");
        }
        String text = finding == null || finding.isBlank() ? null : finding.trim();
        if (result == InspectionResult.FINDING && text == null) {
            throw new InvalidInputException("发现问题时须填写问题描述 a finding needs its description", "finding");
        }
        if (text != null && text.length() > 500) {
            throw new InvalidInputException("问题描述不超过500字 at most 500 characters", "finding");
        }
        Instant now = clock.instant();
        LocalDate day = now.atZone(CityClock.ZONE).toLocalDate();
        boolean repeat = jdbc.sql("SELECT COUNT(*) FROM sf_inspection WHERE facility_id = :f AND inspector = :u "
                                + "AND inspected_at >= :from")
                        .param("f", facilityId)
                        .param("u", me.username())
                        .param(
                                "from",
                                DbTime.toDb(day.atStartOfDay(CityClock.ZONE).toInstant()))
                        .query(Long.class)
                        .single()
                > 0;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sf_inspection (facility_id, inspector, inspected_at, result, finding, repeat_same_day)
                VALUES (:f, :u, :at, :r, :finding, :repeat)""")
                .param("f", facilityId)
                .param("u", me.username())
                .param("at", DbTime.toDb(now))
                .param("r", result.name())
                .param("finding", text)
                .param("repeat", repeat)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE sf_task SET done_by_inspection = :i WHERE facility_id = :f AND done_by_inspection IS NULL")
                .param("i", id)
                .param("f", facilityId)
                .update();
        facilities.inspected(f, now);
        audit.record(
                "SF_INSPECTION",
                String.valueOf(id),
                "CREATE",
                null,
                f.code() + " " + result.name() + (repeat ? " repeat" : "") + (text == null ? "" : " " + text));
        if (result == InspectionResult.FINDING) {
            requestCase(id, f, text);
        }
        return get(id);
    }

    private void requestCase(long inspectionId, Facility f, String finding) {
        String description = String.format(
                Locale.ROOT,
                "【户外广告设施安全检查】%s %s（%s，%s）：%s；设置人 %s（统一社会信用代码 %s）",
                f.code(),
                f.name(),
                f.facilityClassLabel(),
                f.kindLabel(),
                finding,
                f.ownerName(),
                f.ownerCreditCode());
        events.publishEvent(new CaseRequested(
                SOURCE,
                String.valueOf(inspectionId),
                category,
                description,
                f.lat(),
                f.lon(),
                f.address() == null ? String.format(Locale.ROOT, "%.6f,%.6f", f.lat(), f.lon()) : f.address(),
                "sf_inspection " + inspectionId));
        audit.record("SF_INSPECTION", String.valueOf(inspectionId), "CASE_REQUESTED", null, category);
    }

    /**
     * 大风/台风预警 mass inspection: one task for every large facility in the caller's scope (and the district, when
     * given) that has no open task yet. Answers how many tasks were created.
     */
    @Transactional
    public int massInspection(String warning, String districtCode, StaffMember me) {
        if (warning == null || warning.isBlank() || warning.trim().length() > 200) {
            throw new InvalidInputException("预警内容必填，不超过200字 warning text required", "warning");
        }
        int created = 0;
        Instant now = clock.instant();
        for (long id : facilities.largeIds(me, districtCode)) {
            created += jdbc.sql("""
                    INSERT INTO sf_task (facility_id, reason, warning, created_by, created_at)
                    SELECT :f, 'WIND', :w, :u, :now WHERE NOT EXISTS
                      (SELECT 1 FROM sf_task WHERE facility_id = :f AND done_by_inspection IS NULL)""")
                    .param("f", id)
                    .param("w", warning.trim())
                    .param("u", me.username())
                    .param("now", DbTime.toDb(now))
                    .update();
        }
        audit.record(
                "SF_TASK",
                "wind",
                "MASS_INSPECTION",
                null,
                created + " tasks, " + warning.trim() + (districtCode == null ? "" : " " + districtCode));
        return created;
    }

    /** The caller's open tasks, oldest first. */
    public List<InspectionTask> openTasks(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = Facilities.scope(me).sql(COLUMNS, params);
        return jdbc.sql("SELECT t.*, f.code, f.name FROM sf_task t JOIN sf_facility f ON f.id = t.facility_id "
                        + "WHERE t.done_by_inspection IS NULL AND " + where
                        + " ORDER BY t.created_at, t.id FETCH FIRST 1000 ROWS ONLY")
                .params(params)
                .query((rs, n) -> new InspectionTask(
                        rs.getLong("id"),
                        rs.getLong("facility_id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("reason"),
                        "WIND".equals(rs.getString("reason")) ? "大风预警" : "定期检查",
                        rs.getString("warning"),
                        DbTime.fromDb(rs.getObject("created_at", java.time.OffsetDateTime.class))))
                .list();
    }

    /** A facility's inspections, newest first (scope checked through the facility). */
    public List<Inspection> history(long facilityId, StaffMember me) {
        facilities.get(facilityId, me);
        return jdbc.sql("SELECT * FROM sf_inspection WHERE facility_id = :f ORDER BY inspected_at DESC, id DESC")
                .param("f", facilityId)
                .query(Inspections::map)
                .list();
    }

    Inspection get(long id) {
        return jdbc.sql("SELECT * FROM sf_inspection WHERE id = :id")
                .param("id", id)
                .query(Inspections::map)
                .single();
    }

    /** The cases module opened (or could not open) the case: link it to the inspection. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, "");
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        String failure = opened.failure(300);
        jdbc.sql("UPDATE sf_inspection SET case_id = :c, case_number = :n, case_failure = :fail WHERE id = :id")
                .param("c", opened.caseId())
                .param("n", opened.caseNumber())
                .param("fail", failure)
                .param("id", id)
                .update();
    }

    static Inspection map(ResultSet rs, int n) throws SQLException {
        InspectionResult r = InspectionResult.valueOf(rs.getString("result"));
        return new Inspection(
                rs.getLong("id"),
                rs.getLong("facility_id"),
                rs.getString("inspector"),
                DbTime.fromDb(rs.getObject("inspected_at", java.time.OffsetDateTime.class)),
                r,
                r.label(),
                rs.getString("finding"),
                rs.getBoolean("repeat_same_day"),
                rs.getObject("case_id") == null ? null : rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("case_failure"));
    }
}
