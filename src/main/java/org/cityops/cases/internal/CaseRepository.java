package org.cityops.cases.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.RecordDigest;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores {@link Case} aggregates and their step records; an update whose version moved on is a 409. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CaseRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Case> find(long id) {
        return jdbc.sql("SELECT * FROM city_case WHERE id = :id")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    Optional<Case> findByNumber(String number) {
        return jdbc.sql("SELECT * FROM city_case WHERE case_number = :n")
                .param("n", number)
                .query(CaseRepository::map)
                .optional();
    }

    void insert(Case c) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                INSERT INTO city_case (tenant_id, case_number, version, channel, category_id, category_code,
                  category_name, urgency, description, lat, lon, address, grid_code, community_code, street_code,
                  street_name, district_code, district_name, reporter_name, reporter_phone, reporter_username,
                  source_module, source_ref, status, is_open, suspended_from, department_id, stage,
                  stage_started_at, due_at, warn_at, warned, overdue, suspended_at, supervised, supervision_note,
                  rework_count, return_count, extension_count, requested_extension_hours, late_steps,
                  satisfaction, merged_into, public_token, created_at, updated_at, closed_at, inspector,
                  resume_expected)
                VALUES (:tenant, :number, 0, :channel, :categoryId, :categoryCode, :categoryName, :urgency,
                  :description, :lat, :lon, :address, :grid, :community, :street, :streetName, :district,
                  :districtName, :reporterName, :reporterPhone, :reporterUsername, :sourceModule, :sourceRef,
                  :status, :open, :suspendedFrom, :department, :stage, :stageStarted, :due, :warn, :warned,
                  :overdue, :suspendedAt, :supervised, :supervisionNote, :rework, :returns, :extensions,
                  :requestedExt, :late, :satisfaction, :mergedInto, :token, :created, :updated, :closed, :inspector,
                  :resumeExpected)"""), c).update(keys, "id");
        c.id = keys.getKey().longValue();
        c.version = 0;
    }

    /** Writes the aggregate back if nobody changed it meanwhile; otherwise 409. */
    void update(Case c) {
        int n = bind(jdbc.sql("""
                UPDATE city_case SET version = version + 1, status = :status, is_open = :open,
                  suspended_from = :suspendedFrom, department_id = :department, stage = :stage,
                  stage_started_at = :stageStarted, due_at = :due, warn_at = :warn, warned = :warned,
                  overdue = :overdue, suspended_at = :suspendedAt, supervised = :supervised,
                  supervision_note = :supervisionNote, rework_count = :rework, return_count = :returns,
                  extension_count = :extensions, requested_extension_hours = :requestedExt, late_steps = :late,
                  satisfaction = :satisfaction, merged_into = :mergedInto, updated_at = :updated, closed_at = :closed,
                  inspector = :inspector, resume_expected = :resumeExpected
                WHERE id = :id AND version = :version"""), c)
                .param("id", c.id)
                .param("version", c.version)
                .update();
        if (n != 1) {
            throw new ConflictException("案卷已被他人处理，请刷新后重试 the case was changed concurrently, reload and retry");
        }
        c.version++;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, Case c) {
        return s.param("tenant", c.tenantId)
                .param("number", c.number)
                .param("channel", c.channel.name())
                .param("categoryId", c.categoryId)
                .param("categoryCode", c.categoryCode)
                .param("categoryName", c.categoryName)
                .param("urgency", c.urgency.name())
                .param("description", c.description)
                .param("lat", c.lat)
                .param("lon", c.lon)
                .param("address", c.address)
                .param("grid", c.gridCode)
                .param("community", c.communityCode)
                .param("street", c.streetCode)
                .param("streetName", c.streetName)
                .param("district", c.districtCode)
                .param("districtName", c.districtName)
                .param("reporterName", c.reporterName)
                .param("reporterPhone", c.reporterPhone)
                .param("reporterUsername", c.reporterUsername)
                .param("sourceModule", c.sourceModule)
                .param("sourceRef", c.sourceRef)
                .param("status", c.status.name())
                .param("open", c.status.isOpen())
                .param("suspendedFrom", c.suspendedFrom == null ? null : c.suspendedFrom.name())
                .param("department", c.departmentId)
                .param("stage", c.stage == null ? null : c.stage.name())
                .param("stageStarted", DbTime.toDb(c.stageStartedAt))
                .param("due", DbTime.toDb(c.dueAt))
                .param("warn", DbTime.toDb(c.warnAt))
                .param("warned", c.warned)
                .param("overdue", c.overdue)
                .param("suspendedAt", DbTime.toDb(c.suspendedAt))
                .param("supervised", c.supervised)
                .param("supervisionNote", c.supervisionNote)
                .param("rework", c.reworkCount)
                .param("returns", c.returnCount)
                .param("extensions", c.extensionCount)
                .param("requestedExt", c.requestedExtensionHours)
                .param("late", c.lateSteps)
                .param("satisfaction", c.satisfaction == null ? null : c.satisfaction.name())
                .param("mergedInto", c.mergedInto)
                .param("token", null)
                .param("created", DbTime.toDb(c.createdAt))
                .param("updated", DbTime.toDb(c.updatedAt))
                .param("closed", DbTime.toDb(c.closedAt))
                .param("inspector", c.inspector)
                .param("resumeExpected", c.resumeExpected);
    }

    static Case map(ResultSet rs, int n) throws SQLException {
        Case c = new Case();
        c.id = rs.getLong("id");
        c.tenantId = rs.getString("tenant_id");
        c.number = rs.getString("case_number");
        c.version = rs.getLong("version");
        c.channel = CaseChannel.valueOf(rs.getString("channel"));
        c.categoryId = rs.getLong("category_id");
        c.categoryCode = rs.getString("category_code");
        c.categoryName = rs.getString("category_name");
        c.urgency = Urgency.valueOf(rs.getString("urgency"));
        c.description = rs.getString("description");
        c.lat = rs.getDouble("lat");
        c.lon = rs.getDouble("lon");
        c.address = rs.getString("address");
        c.gridCode = rs.getString("grid_code");
        c.communityCode = rs.getString("community_code");
        c.streetCode = rs.getString("street_code");
        c.streetName = rs.getString("street_name");
        c.districtCode = rs.getString("district_code");
        c.districtName = rs.getString("district_name");
        c.reporterName = rs.getString("reporter_name");
        c.reporterPhone = rs.getString("reporter_phone");
        c.reporterUsername = rs.getString("reporter_username");
        c.sourceModule = rs.getString("source_module");
        c.sourceRef = rs.getString("source_ref");
        c.status = CaseStatus.valueOf(rs.getString("status"));
        String sf = rs.getString("suspended_from");
        c.suspendedFrom = sf == null ? null : CaseStatus.valueOf(sf);
        long dept = rs.getLong("department_id");
        c.departmentId = rs.wasNull() ? null : dept;
        String stage = rs.getString("stage");
        c.stage = stage == null ? null : ProcessStage.valueOf(stage);
        c.stageStartedAt = time(rs, "stage_started_at");
        c.dueAt = time(rs, "due_at");
        c.warnAt = time(rs, "warn_at");
        c.warned = rs.getBoolean("warned");
        c.overdue = rs.getBoolean("overdue");
        c.suspendedAt = time(rs, "suspended_at");
        c.supervised = rs.getBoolean("supervised");
        c.supervisionNote = rs.getString("supervision_note");
        c.reworkCount = rs.getInt("rework_count");
        c.returnCount = rs.getInt("return_count");
        c.extensionCount = rs.getInt("extension_count");
        int ext = rs.getInt("requested_extension_hours");
        c.requestedExtensionHours = rs.wasNull() ? null : ext;
        c.lateSteps = rs.getInt("late_steps");
        String sat = rs.getString("satisfaction");
        c.satisfaction = sat == null ? null : Satisfaction.valueOf(sat);
        long merged = rs.getLong("merged_into");
        c.mergedInto = rs.wasNull() ? null : merged;
        c.createdAt = time(rs, "created_at");
        c.updatedAt = time(rs, "updated_at");
        c.closedAt = time(rs, "closed_at");
        c.inspector = rs.getString("inspector");
        c.resumeExpected = rs.getObject("resume_expected", java.time.LocalDate.class);
        return c;
    }

    static Instant time(ResultSet rs, String col) throws SQLException {
        return DbTime.fromDb(rs.getObject(col, OffsetDateTime.class));
    }

    /** Inserts a step row; returns the digest the audit entry of the step vouches for ({@link CaseStepDigests}). */
    RecordDigest insertStep(long caseId, StepRecord s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_step (case_id, action, stage, from_status, to_status, actor, actor_name, role,
                  department_id, started_at, due_at, acted_at, on_time, note, inspector)
                VALUES (:caseId, :action, :stage, :from, :to, :actor, :actorName, :role, :dept, :started, :due,
                  :acted, :onTime, :note, :inspector)""")
                .param("caseId", caseId)
                .param("action", s.action())
                .param("stage", s.stage() == null ? null : s.stage().name())
                .param("from", s.from() == null ? null : s.from().name())
                .param("to", s.to().name())
                .param("actor", s.actor())
                .param("actorName", s.actorName())
                .param("role", s.role())
                .param("dept", s.departmentId())
                .param("started", DbTime.toDb(s.startedAt()))
                .param("due", DbTime.toDb(s.dueAt()))
                .param("acted", DbTime.toDb(s.actedAt()))
                .param("onTime", s.onTime())
                .param("note", s.note())
                .param("inspector", s.inspector())
                .update(keys, "id");
        return CaseStepDigests.digest(keys.getKey().longValue(), caseId, s);
    }

    /**
     * Several steps of one change (受理 and 指派监督员) in one JDBC batch, in order; their digests in the same order.
     */
    List<RecordDigest> insertSteps(long caseId, List<StepRecord> steps) {
        if (steps.size() == 1) {
            return List.of(insertStep(caseId, steps.get(0)));
        }
        var keys = new GeneratedKeyHolder();
        batch.batchUpdate(
                con -> con.prepareStatement("""
                        INSERT INTO case_step (case_id, action, stage, from_status, to_status, actor, actor_name, role,
                          department_id, started_at, due_at, acted_at, on_time, note, inspector)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StepRecord s = steps.get(i);
                        ps.setLong(1, caseId);
                        ps.setString(2, s.action());
                        ps.setString(3, s.stage() == null ? null : s.stage().name());
                        ps.setString(4, s.from() == null ? null : s.from().name());
                        ps.setString(5, s.to().name());
                        ps.setString(6, s.actor());
                        ps.setString(7, s.actorName());
                        ps.setString(8, s.role());
                        ps.setObject(9, s.departmentId(), Types.BIGINT);
                        ps.setObject(10, DbTime.toDb(s.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setObject(11, DbTime.toDb(s.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setObject(12, DbTime.toDb(s.actedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setObject(13, s.onTime(), Types.BOOLEAN);
                        ps.setString(14, s.note());
                        ps.setString(15, s.inspector());
                    }

                    @Override
                    public int getBatchSize() {
                        return steps.size();
                    }
                },
                keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != steps.size()) {
            throw new IllegalStateException("expected " + steps.size() + " step ids, got " + ids.size());
        }
        List<RecordDigest> digests = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            long id = ((Number) ids.get(i).get("id")).longValue();
            digests.add(CaseStepDigests.digest(id, caseId, steps.get(i)));
        }
        return digests;
    }

    List<StepRecord> steps(long caseId) {
        return jdbc.sql("SELECT * FROM case_step WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> step(rs))
                .list();
    }

    /** A {@code case_step} row as read back. */
    static StepRecord step(ResultSet rs) throws SQLException {
        String stage = rs.getString("stage");
        String from = rs.getString("from_status");
        long d = rs.getLong("department_id");
        Long dept = rs.wasNull() ? null : d;
        return new StepRecord(
                rs.getString("action"),
                stage == null ? null : ProcessStage.valueOf(stage),
                from == null ? null : CaseStatus.valueOf(from),
                CaseStatus.valueOf(rs.getString("to_status")),
                rs.getString("actor"),
                rs.getString("actor_name"),
                rs.getString("role"),
                dept,
                time(rs, "started_at"),
                time(rs, "due_at"),
                time(rs, "acted_at"),
                rs.getBoolean("on_time"),
                rs.getString("note"),
                rs.getString("inspector"));
    }
}
