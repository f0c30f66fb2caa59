package org.cityops.muck.alarm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.muck.engine.AlarmType;
import org.cityops.muck.engine.TrackPoint;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforcement link (执法联动): an alarm becomes a case in the cases module (channel ALERT) by a supervisor's click or
 * by a rule ({@link CaseRules}); the {@link CaseOpened} answer links the case back to the alarm. One case per alarm.
 */
@Service
public class AlarmCases {

    public static final String SOURCE = "muck";
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final EvidenceJson json;
    private final Clock clock;

    AlarmCases(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, EvidenceJson json, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Publishes a {@link CaseRequested} for the alarm (in the caller's transaction, so the event registry keeps it
     * with the alarm). The caller has checked scope.
     */
    @Transactional
    public void request(long alarmId, String categoryCode, String note, boolean byRule) {
        if (categoryCode == null || categoryCode.isBlank() || categoryCode.length() > 64) {
            throw new InvalidInputException("案件类别编码不合法 invalid category code", "categoryCode");
        }
        Map<String, Object> a = jdbc.sql("""
                SELECT id, type, plate, terminal_phone, started_at, lat, lon, detail, evidence_json, case_requested_at
                FROM muck_alarm WHERE id = :id""").param("id", alarmId).query().listOfRows().stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("报警不存在 alarm not found"));
        if (a.get("case_requested_at") != null) {
            throw new ConflictException("该报警已转案件 this alarm was already sent as a case");
        }
        AlarmType type = AlarmType.valueOf((String) a.get("type"));
        List<TrackPoint> evidence = json.readPoints((String) a.get("evidence_json"));
        String plate = a.get("plate") == null ? (String) a.get("terminal_phone") : (String) a.get("plate");
        String description = "【渣土车" + type.label() + "】车辆 " + plate + "，" + nz(a.get("detail"))
                + (note == null || note.isBlank() ? "" : "。" + note.trim());
        String evidenceText = evidence.size() + " 个轨迹点 positions: " + json.points(evidence);
        int updated = jdbc.sql("""
                UPDATE muck_alarm SET case_requested_at = :now, case_category = :cat, version = version + 1
                WHERE id = :id AND case_requested_at IS NULL""")
                .param("now", DbTime.toDb(clock.instant()))
                .param("cat", categoryCode)
                .param("id", alarmId)
                .update();
        if (updated == 0) {
            throw new ConflictException("该报警已转案件 this alarm was already sent as a case");
        }
        double lat = ((Number) a.get("lat")).doubleValue();
        double lon = ((Number) a.get("lon")).doubleValue();
        events.publishEvent(new CaseRequested(
                SOURCE,
                String.valueOf(alarmId),
                categoryCode,
                description,
                lat,
                lon,
                String.format(java.util.Locale.ROOT, "%.6f,%.6f", lat, lon),
                evidenceText.length() > 8000 ? evidenceText.substring(0, 8000) : evidenceText));
        audit.record(
                "MUCK_ALARM",
                String.valueOf(alarmId),
                byRule ? "CASE_REQUESTED_BY_RULE" : "CASE_REQUESTED",
                null,
                type + " → " + categoryCode);
    }

    /** The cases module opened (or could not open) the case: link it to the alarm. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        java.util.OptionalLong ref = opened.refId(SOURCE, "");
        if (ref.isEmpty()) {
            return;
        }
        long alarmId = ref.getAsLong();
        int n = jdbc.sql("""
                UPDATE muck_alarm SET case_id = :caseId, case_number = :no, case_failure = :failure, version = version + 1
                WHERE id = :id""")
                .param("caseId", opened.caseId())
                .param("no", opened.caseNumber())
                .param("failure", opened.failure(300))
                .param("id", alarmId)
                .update();
        if (n > 0) {
            audit.record(
                    "MUCK_ALARM",
                    String.valueOf(alarmId),
                    opened.caseId() == null ? "CASE_FAILED" : "CASE_LINKED",
                    null,
                    opened.caseId() == null ? opened.failure() : "case " + opened.caseNumber());
        }
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
