package org.cityops.assessment.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cityops.assessment.CaseFactSink;
import org.cityops.assessment.CaseStepFact;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes case step facts into the module's own projection, idempotent on the event id. */
@Component
class JdbcCaseFactSink implements CaseFactSink {

    static final String INSERT = """
            INSERT INTO asm_case_step (event_id, case_id, case_number, category_code, channel, grid_code,
                community_code, street_code, district_code, department_code, action, actor, actor_role, assignee,
                reporter, occurred_at, due_at, on_time, by_deadline, leader_assigned, media_exposed, supervised,
                satisfaction, reason, recorded_at)
            VALUES (:eventId, :caseId, :caseNumber, :category, :channel, :grid, :community, :street, :district,
                :department, :action, :actor, :actorRole, :assignee, :reporter, :occurredAt, :dueAt, :onTime,
                :byDeadline, :leader, :media, :supervised, :satisfaction, :reason, :recordedAt)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean postgres;

    JdbcCaseFactSink(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    static boolean isPostgres(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public boolean record(CaseStepFact fact) {
        return recordAll(List.of(fact)) == 1;
    }

    /**
     * PostgreSQL: {@code ON CONFLICT DO NOTHING} (safe under concurrency). H2 (embedded, one node): known event
     * ids are filtered out first.
     */
    @Override
    @Transactional
    public int recordAll(List<CaseStepFact> facts) {
        if (facts.isEmpty()) {
            return 0;
        }
        List<CaseStepFact> todo = facts;
        if (!postgres) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < facts.size(); i += 500) {
                List<String> ids = facts.subList(i, Math.min(facts.size(), i + 500)).stream()
                        .map(CaseStepFact::eventId)
                        .toList();
                seen.addAll(jdbc.queryForList(
                        "SELECT event_id FROM asm_case_step WHERE event_id IN (:ids)",
                        new MapSqlParameterSource("ids", ids),
                        String.class));
            }
            todo = new ArrayList<>();
            for (CaseStepFact f : facts) {
                if (seen.add(f.eventId())) {
                    todo.add(f);
                }
            }
            if (todo.isEmpty()) {
                return 0;
            }
        }
        List<SqlParameterSource> batch = new ArrayList<>(todo.size());
        todo.forEach(f -> batch.add(params(f)));
        int n = 0;
        for (int r : jdbc.batchUpdate(
                postgres ? INSERT + " ON CONFLICT (event_id) DO NOTHING" : INSERT,
                batch.toArray(SqlParameterSource[]::new))) {
            n += r != 0 ? 1 : 0;
        }
        return n;
    }

    static MapSqlParameterSource params(CaseStepFact f) {
        return new MapSqlParameterSource()
                .addValue("eventId", f.eventId())
                .addValue("caseId", f.caseId())
                .addValue("caseNumber", f.caseNumber())
                .addValue("category", f.categoryCode())
                .addValue("channel", f.channel())
                .addValue("grid", f.gridCode())
                .addValue("community", f.communityCode())
                .addValue("street", f.streetCode())
                .addValue("district", f.districtCode())
                .addValue("department", f.departmentCode())
                .addValue("action", f.action().name())
                .addValue("actor", f.actor())
                .addValue("actorRole", f.actorRole())
                .addValue("assignee", f.assignee())
                .addValue("reporter", f.reporter())
                .addValue("occurredAt", DbTime.toDb(f.occurredAt()))
                .addValue("dueAt", DbTime.toDb(f.dueAt()))
                .addValue("onTime", f.onTime())
                .addValue("byDeadline", f.byDeadline())
                .addValue("leader", f.leaderAssigned())
                .addValue("media", f.mediaExposed())
                .addValue("supervised", f.supervised())
                .addValue("satisfaction", f.satisfaction())
                .addValue("reason", f.reason())
                .addValue("recordedAt", DbTime.toDb(DbTime.now()));
    }
}
