package org.cityops.enforcement.file;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cityops.enforcement.party.PartyKind;
import org.cityops.enforcement.procedure.ClockKind;
import org.cityops.enforcement.procedure.ProcedureEvent;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.StepInput;
import org.cityops.enforcement.procedure.SuspensionKind;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes enf_case and enf_case_event (this module's tables only). */
@Repository
class EnforcementStore {

    /** One stored step: the event plus who recorded it and when. */
    record StoredEvent(int seq, ProcedureEvent event, String actor, Instant recordedAt) {}

    private final JdbcClient jdbc;

    EnforcementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            NewEnforcementCase c, String itemName, String gridCode, String districtCode, String handler, Instant now) {
        String placeholder = "new-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO enf_case (case_number, source, source_case_number, party_kind, party_name, party_id,"
                        + " party_phone, item_code, item_name, description, lat, lon, address, grid_code, district_code,"
                        + " discovered_on, violation_ended_on, life_safety, handler, stage, created_at)"
                        + " VALUES (:num, :source, :sourceNum, :pkind, :pname, :pid, :phone, :item, :itemName, :descr,"
                        + " :lat, :lon, :address, :grid, :district, :discovered, :ended, :life, :handler, :stage, :at)")
                .param("num", placeholder.substring(0, 40))
                .param("source", c.source().name())
                .param("sourceNum", c.sourceCaseNumber())
                .param("pkind", c.partyKind().name())
                .param("pname", c.partyName().trim())
                .param("pid", c.partyId())
                .param("phone", c.partyPhone())
                .param("item", c.itemCode())
                .param("itemName", itemName)
                .param("descr", c.description().trim())
                .param("lat", c.lat())
                .param("lon", c.lon())
                .param("address", c.address())
                .param("grid", gridCode)
                .param("district", districtCode)
                .param("discovered", c.discoveredOn())
                .param("ended", c.violationEndedOn())
                .param("life", c.lifeSafety())
                .param("handler", handler)
                .param("stage", Stage.PENDING_FILING.name())
                .param("at", DbTime.toDb(now))
                .update();
        long id = jdbc.sql("SELECT id FROM enf_case WHERE case_number = :num")
                .param("num", placeholder.substring(0, 40))
                .query(Long.class)
                .single();
        // 案件编号: 执 + year of discovery + the id, unique and stable
        String number = "ZF" + c.discoveredOn().getYear() + String.format("%06d", id);
        jdbc.sql("UPDATE enf_case SET case_number = :num WHERE id = :id")
                .param("num", number)
                .param("id", id)
                .update();
        return id;
    }

    boolean sourceTaken(String sourceCaseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM enf_case WHERE source_case_number = :n")
                        .param("n", sourceCaseNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<EnforcementCase> find(long id) {
        return jdbc.sql("SELECT * FROM enf_case WHERE id = :id")
                .param("id", id)
                .query(EnforcementStore::map)
                .optional();
    }

    /** Locks the case row for a step (a case's steps are serialised). */
    Optional<EnforcementCase> lock(long id) {
        return jdbc.sql("SELECT * FROM enf_case WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(EnforcementStore::map)
                .optional();
    }

    List<EnforcementCase> page(String where, Map<String, Object> params, int limit, int offset) {
        return jdbc.sql("SELECT * FROM enf_case WHERE " + where
                        + " ORDER BY CASE WHEN next_due_on IS NULL THEN 1 ELSE 0 END, next_due_on, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(EnforcementStore::map)
                .list();
    }

    /** Every case matching a filter, in id order (statistics). */
    List<EnforcementCase> all(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT * FROM enf_case WHERE " + where + " ORDER BY id")
                .params(params)
                .query(EnforcementStore::map)
                .list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT COUNT(*) FROM enf_case WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    void updateDerived(long id, Stage stage, String tier, BigDecimal fine, ClockKind next, LocalDate due) {
        jdbc.sql("UPDATE enf_case SET stage = :stage, tier = :tier, fine = :fine, next_clock = :clock,"
                        + " next_due_on = :due, version = version + 1 WHERE id = :id")
                .param("stage", stage.name())
                .param("tier", tier)
                .param("fine", fine)
                .param("clock", next == null ? null : next.name())
                .param("due", due)
                .param("id", id)
                .update();
    }

    void append(long caseId, int seq, Step step, StepInput in, String actor, Instant now) {
        jdbc.sql("INSERT INTO enf_case_event (case_id, seq, step, on_date, recorded_at, actor, note, tier, fine,"
                        + " fine_min, fine_max, severe_penalty, suspension_kind, expected_end, days, first_offence,"
                        + " minor_harm, corrected, amount) VALUES (:case, :seq, :step, :on, :at, :actor, :note, :tier,"
                        + " :fine, :min, :max, :severe, :kind, :end, :days, :first, :minor, :fixed, :amount)")
                .param("case", caseId)
                .param("seq", seq)
                .param("step", step.name())
                .param("on", in.on())
                .param("at", DbTime.toDb(now))
                .param("actor", actor)
                .param("note", in.note())
                .param("tier", in.tier())
                .param("fine", in.fine())
                .param("min", in.fineMin())
                .param("max", in.fineMax())
                .param("severe", in.severePenalty())
                .param("kind", in.kind() == null ? null : in.kind().name())
                .param("end", in.expectedEnd())
                .param("days", in.days())
                .param("first", in.firstOffence())
                .param("minor", in.minorHarm())
                .param("fixed", in.corrected())
                .param("amount", in.amount())
                .update();
    }

    List<StoredEvent> events(long caseId) {
        return events(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The events of several cases, each list in order. */
    Map<Long, List<StoredEvent>> events(Collection<Long> caseIds) {
        Map<Long, List<StoredEvent>> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", new ArrayList<>(caseIds));
        jdbc.sql("SELECT * FROM enf_case_event WHERE case_id IN (:ids) ORDER BY case_id, seq")
                .params(params)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                            .add(event(rs));
                });
        return out;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        String kind = rs.getString("suspension_kind");
        Integer days = (Integer) rs.getObject("days", Integer.class);
        StepInput in = new StepInput(
                rs.getObject("on_date", LocalDate.class),
                rs.getString("note"),
                rs.getString("tier"),
                rs.getBigDecimal("fine"),
                rs.getBigDecimal("fine_min"),
                rs.getBigDecimal("fine_max"),
                rs.getBoolean("severe_penalty"),
                kind == null ? null : SuspensionKind.valueOf(kind),
                rs.getObject("expected_end", LocalDate.class),
                days,
                rs.getBoolean("first_offence"),
                rs.getBoolean("minor_harm"),
                rs.getBoolean("corrected"),
                rs.getBigDecimal("amount"));
        return new StoredEvent(
                rs.getInt("seq"),
                new ProcedureEvent(Step.valueOf(rs.getString("step")), in),
                rs.getString("actor"),
                DbTime.fromDb(rs.getObject("recorded_at", java.time.OffsetDateTime.class)));
    }

    static EnforcementCase map(ResultSet rs, int n) throws SQLException {
        String clock = rs.getString("next_clock");
        return new EnforcementCase(
                rs.getLong("id"),
                rs.getString("case_number"),
                CaseSource.valueOf(rs.getString("source")),
                rs.getString("source_case_number"),
                PartyKind.valueOf(rs.getString("party_kind")),
                rs.getString("party_name"),
                rs.getString("party_id"),
                rs.getString("party_phone"),
                rs.getString("item_code"),
                rs.getString("item_name"),
                rs.getString("description"),
                rs.getDouble("lat"),
                rs.getDouble("lon"),
                rs.getString("address"),
                rs.getString("grid_code"),
                rs.getString("district_code"),
                rs.getObject("discovered_on", LocalDate.class),
                rs.getObject("violation_ended_on", LocalDate.class),
                rs.getBoolean("life_safety"),
                rs.getString("handler"),
                Stage.valueOf(rs.getString("stage")),
                rs.getString("tier"),
                rs.getBigDecimal("fine"),
                clock == null ? null : ClockKind.valueOf(clock),
                rs.getObject("next_due_on", LocalDate.class),
                DbTime.fromDb(rs.getObject("created_at", java.time.OffsetDateTime.class)),
                rs.getInt("version"));
    }
}
