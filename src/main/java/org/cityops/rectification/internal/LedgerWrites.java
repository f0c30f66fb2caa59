package org.cityops.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.platform.DbTime;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledger's writes (JdbcClient, only this module's rect_* tables); the queries are {@link LedgerRepository}'s.
 * Package-private: only the services of this package, which check roles and rules and write the audit trail, call
 * it.
 */
@Repository
class LedgerWrites {

    private final JdbcClient jdbc;

    LedgerWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertInspection(LedgerDraft d, String actor, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_inspection (name, inspecting_body, kind, period_text, feedback_date, organization,
                  report_title, created_at, created_by)
                VALUES (:name, :body, :kind, :period, :feedback, :org, :title, :now, :actor)""")
                .param("name", d.name())
                .param("body", d.inspectingBody())
                .param("kind", d.kind().name())
                .param("period", d.periodText())
                .param("feedback", d.feedbackDate())
                .param("org", d.organization())
                .param("title", d.reportTitle())
                .param("now", DbTime.toDb(now))
                .param("actor", actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertCategory(long inspectionId, int seq, String title) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rect_category (inspection_id, seq, title) VALUES (:i, :seq, :title)")
                .param("i", inspectionId)
                .param("seq", seq)
                .param("title", title)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertProblem(long inspectionId, long categoryId, int number, String title, ProblemStatus derived) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_problem (inspection_id, category_id, number, title, derived_status)
                VALUES (:i, :c, :n, :t, :s)""")
                .param("i", inspectionId)
                .param("c", categoryId)
                .param("n", number)
                .param("t", title)
                .param("s", derived.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertMeasure(
            long inspectionId,
            long problemId,
            int seq,
            LedgerDraft.MeasureDraft m,
            Long leadDeptId,
            String leaderUsername,
            LocalDate completedOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_measure (inspection_id, problem_id, seq, sub_no, title, title_derived, text,
                  responsible_leader, leader_username, lead_department, lead_department_id, deadline, long_term,
                  expected_outcome, status, completed_on)
                VALUES (:i, :p, :seq, :sub, :title, :derived, :text, :leader, :lu, :dept, :deptId, :deadline, :lt,
                  :outcome, :status, :done)""")
                .param("i", inspectionId)
                .param("p", problemId)
                .param("seq", seq)
                .param("sub", m.subNo())
                .param("title", m.title())
                .param("derived", m.titleDerived())
                .param("text", m.text())
                .param("leader", m.leader())
                .param("lu", leaderUsername)
                .param("dept", m.leadDepartment())
                .param("deptId", leadDeptId)
                .param("deadline", m.deadline())
                .param("lt", m.longTerm())
                .param("outcome", m.expectedOutcome())
                .param("status", m.status().name())
                .param("done", completedOn)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void replaceCooperating(long measureId, List<String> names, List<Long> ids) {
        jdbc.sql("DELETE FROM rect_measure_coop WHERE measure_id = :m")
                .param("m", measureId)
                .update();
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("INSERT INTO rect_measure_coop (measure_id, seq, name, department_id) VALUES (:m, :s, :n, :d)")
                    .param("m", measureId)
                    .param("s", i + 1)
                    .param("n", names.get(i))
                    .param("d", ids.get(i))
                    .update();
        }
    }

    void updateAssignment(
            long measureId,
            String leader,
            String leaderUsername,
            String dept,
            Long deptId,
            LocalDate deadline,
            boolean longTerm,
            String outcome) {
        jdbc.sql("""
                UPDATE rect_measure SET responsible_leader = :leader, leader_username = :lu, lead_department = :dept,
                  lead_department_id = :deptId, deadline = :deadline, long_term = :lt, expected_outcome = :outcome,
                  version = version + 1 WHERE id = :id""")
                .param("leader", leader)
                .param("lu", leaderUsername)
                .param("dept", dept)
                .param("deptId", deptId)
                .param("deadline", deadline)
                .param("lt", longTerm)
                .param("outcome", outcome)
                .param("id", measureId)
                .update();
    }

    void updateMeasureStatus(long measureId, MeasureStatus status, LocalDate completedOn) {
        jdbc.sql("UPDATE rect_measure SET status = :s, completed_on = :d, version = version + 1 WHERE id = :id")
                .param("s", status.name())
                .param("d", completedOn)
                .param("id", measureId)
                .update();
    }

    void updateIndicator(long measureId, String key, String params) {
        jdbc.sql(
                        "UPDATE rect_measure SET indicator_key = :k, indicator_params = :p, version = version + 1 WHERE id = :id")
                .param("k", key)
                .param("p", params)
                .param("id", measureId)
                .update();
    }

    void freezeIndicator(long measureId, String value, Instant at) {
        jdbc.sql("UPDATE rect_measure SET indicator_signoff_value = :v, indicator_signoff_at = :at WHERE id = :id")
                .param("v", value)
                .param("at", DbTime.toDb(at))
                .param("id", measureId)
                .update();
    }

    void updateDerivedStatus(long problemId, ProblemStatus status) {
        jdbc.sql("UPDATE rect_problem SET derived_status = :s WHERE id = :id")
                .param("s", status.name())
                .param("id", problemId)
                .update();
    }

    void updateOverride(long problemId, ProblemStatus status, String justification, String by, Instant at) {
        jdbc.sql("""
                UPDATE rect_problem SET override_status = :s, override_justification = :j, override_by = :by,
                  override_at = :at, version = version + 1 WHERE id = :id""")
                .param("s", status == null ? null : status.name())
                .param("j", justification)
                .param("by", by)
                .param("at", DbTime.toDb(at))
                .param("id", problemId)
                .update();
    }

    void updateSignOff(long problemId, boolean signedOff, String by, LocalDate on, String opinion, boolean reopen) {
        jdbc.sql("""
                UPDATE rect_problem SET signed_off = :so, signed_off_by = :by, signed_off_on = :on,
                  signoff_opinion = :op, reopen_count = reopen_count + :r, version = version + 1 WHERE id = :id""")
                .param("so", signedOff)
                .param("by", by)
                .param("on", on)
                .param("op", opinion)
                .param("r", reopen ? 1 : 0)
                .param("id", problemId)
                .update();
    }

    long insertProgress(long measureId, LocalDate date, String text, String author, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_progress (measure_id, entry_date, text, author, created_at)
                VALUES (:m, :d, :t, :a, :now)""")
                .param("m", measureId)
                .param("d", date)
                .param("t", text)
                .param("a", author)
                .param("now", DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertEvidence(
            long measureId,
            Long progressId,
            String kind,
            String name,
            String contentType,
            byte[] content,
            String url,
            String author,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_evidence (measure_id, progress_id, kind, name, content_type, size_bytes, content,
                  url, author, created_at)
                VALUES (:m, :p, :k, :n, :ct, :size, :content, :url, :a, :now)""")
                .param("m", measureId)
                .param("p", progressId)
                .param("k", kind)
                .param("n", name)
                .param("ct", contentType)
                .param("size", content == null ? null : (long) content.length)
                .param("content", content)
                .param("url", url)
                .param("a", author)
                .param("now", DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertEvent(
            long problemId,
            String kind,
            String from,
            String to,
            String text,
            String actor,
            LocalDate day,
            Instant now) {
        jdbc.sql("""
                INSERT INTO rect_problem_event (problem_id, kind, from_status, to_status, text, actor, event_date,
                  created_at) VALUES (:p, :k, :f, :t, :x, :a, :d, :now)""")
                .param("p", problemId)
                .param("k", kind)
                .param("f", from)
                .param("t", to)
                .param("x", text)
                .param("a", actor)
                .param("d", day)
                .param("now", DbTime.toDb(now))
                .update();
    }

    long insertAchievement(
            long inspectionId, Long problemId, String kind, String title, LocalDate issuedOn, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rect_achievement (inspection_id, problem_id, kind, title, issued_on, created_at)
                VALUES (:i, :p, :k, :t, :d, :now)""")
                .param("i", inspectionId)
                .param("p", problemId)
                .param("k", kind)
                .param("t", title)
                .param("d", issuedOn)
                .param("now", DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
