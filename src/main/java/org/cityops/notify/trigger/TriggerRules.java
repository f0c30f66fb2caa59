package org.cityops.notify.trigger;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.assessment.AssessmentPublished;
import org.cityops.assessment.PublishedRankings;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.catalog.ProcessStage;
import org.cityops.muck.MuckAlarmRaised;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.Recipient;
import org.cityops.platform.CityClock;
import org.cityops.rectification.MeasureOverdue;

/**
 * The triggers as plain rules: an event in, the notice to queue out (empty when nobody is to be told). No Spring,
 * no database: who holds which role comes from {@link Who}. Every event id is derived from the event alone, so a
 * replayed event gives the same id and the outbox ignores it.
 */
final class TriggerRules {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Who who;
    private final String baseUrl;
    private final Set<String> muckTypes;

    TriggerRules(Who who, String baseUrl, Set<String> muckTypes) {
        this.who = who;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.muckTypes = Set.copyOf(muckTypes);
    }

    /** 预警 (80 %) and 超期 → the responsible department's handlers and its head. */
    Optional<Notice> deadline(CaseDeadlineAlert a) {
        List<String> to = union(who.handlersOf(a.departmentCode()), who.headsOf(a.departmentCode()));
        String id = (a.overdue() ? "case-overdue:" : "case-warning:") + a.caseId() + ":" + a.stage() + ":"
                + (a.dueAt() == null ? "-" : a.dueAt().toEpochMilli());
        return notice(
                id,
                a.overdue() ? NoticeKind.CASE_OVERDUE : NoticeKind.CASE_WARNING,
                to,
                Map.of(
                        "caseNumber", a.caseNumber(),
                        "category", who.categoryName(a.categoryCode()),
                        "stage", stageLabel(a.stage()),
                        "dueAt", time(a.dueAt()),
                        "link", baseUrl + "/cases/" + a.caseId()),
                "cases",
                a.caseNumber());
    }

    /** 督办 → the head of the department handling the case and the leader who issued it. */
    Optional<Notice> supervised(CaseStepCompleted s) {
        if (s.action() != CaseAction.SUPERVISE) {
            return Optional.empty();
        }
        List<String> to = union(who.headsOf(s.departmentCode()), s.actor() == null ? List.of() : List.of(s.actor()));
        return notice(
                "case-supervise:" + s.caseId() + ":" + s.actedAt().toEpochMilli(),
                NoticeKind.CASE_SUPERVISED,
                to,
                Map.of(
                        "caseNumber", s.caseNumber(),
                        "category", who.categoryName(s.categoryCode()),
                        "leader", who.displayName(s.actor()),
                        "note", s.note() == null ? "" : s.note(),
                        "link", baseUrl + "/cases/" + s.caseId()),
                "cases",
                s.caseNumber());
    }

    /** A 核实 / 核查 task sent to an inspector (指派监督员, by a person or by the platform) → that inspector. */
    Optional<Notice> inspectorTask(CaseStepCompleted s) {
        if (s.action() != CaseAction.ASSIGN_INSPECTOR || s.assignee() == null) {
            return Optional.empty();
        }
        String task = s.to() == CaseStatus.HANDLED ? "核查" : "核实";
        String place = who.placeName(s.communityCode() != null ? s.communityCode() : s.streetCode());
        return notice(
                "inspector-task:" + s.caseId() + ":" + s.actedAt().toEpochMilli() + ":" + s.assignee(),
                NoticeKind.INSPECTOR_TASK,
                List.of(s.assignee()),
                Map.of(
                        "caseNumber",
                        s.caseNumber(),
                        "task",
                        task,
                        "address",
                        place == null ? "" : place,
                        "dueAt",
                        s.dueAt() == null ? "时限内" : time(s.dueAt()),
                        "link",
                        baseUrl + "/cases/" + s.caseId()),
                "cases",
                s.caseNumber());
    }

    /** An alarm of a chosen type → the muck supervisors whose area covers the district. */
    Optional<Notice> muckAlarm(MuckAlarmRaised a) {
        if (!muckTypes.contains(a.type())) {
            return Optional.empty();
        }
        String place = (a.districtCode() == null ? "" : who.placeName(a.districtCode()) + " ")
                + String.format("%.5f,%.5f", a.lat(), a.lon());
        return notice(
                "muck-alarm:" + a.alarmId(),
                NoticeKind.MUCK_ALARM,
                who.muckSupervisorsOf(a.districtCode()),
                Map.of(
                        "plate",
                        a.plate() == null ? "未登记车辆" : a.plate(),
                        "alarm",
                        a.typeLabel(),
                        "place",
                        place,
                        "at",
                        time(a.at()),
                        "link",
                        baseUrl + "/muck/alarms?id=" + a.alarmId()),
                "muck",
                String.valueOf(a.alarmId()));
    }

    /**
     * A measure overdue → the lead department (its head and handlers) and the 责任领导 (every leader when the
     * ledger names no account); once per overdue episode (measure and deadline).
     */
    Optional<Notice> measureOverdue(MeasureOverdue m) {
        String dept = who.departmentCode(m.leadDepartmentId());
        List<String> leaders = m.leaderUsername() != null ? List.of(m.leaderUsername()) : who.allLeaders();
        List<String> to = union(union(who.headsOf(dept), who.handlersOf(dept)), leaders);
        return notice(
                "measure-overdue:" + m.episodeKey(),
                NoticeKind.MEASURE_OVERDUE,
                to,
                Map.of(
                        "measure", m.title() == null ? "" : m.title(),
                        "department", m.leadDepartment() == null ? "" : m.leadDepartment(),
                        "dueAt", m.deadline() == null ? "" : DAY.format(m.deadline()),
                        "link", baseUrl + "/rectification/measures/" + m.measureId()),
                "rectification",
                String.valueOf(m.measureId()));
    }

    /** A published assessment → each district's heads, with that district's score and rank. */
    List<Notice> assessmentPublished(AssessmentPublished e, PublishedRankings.Ranking ranking) {
        List<Notice> out = new ArrayList<>();
        String period = DAY.format(e.from()) + "至" + DAY.format(e.to());
        for (PublishedRankings.Place p : ranking.districts()) {
            if (p.districtCode() == null) {
                continue;
            }
            notice(
                            "assessment-published:" + e.periodId() + ":v" + e.version() + ":" + p.districtCode(),
                            NoticeKind.ASSESSMENT_PUBLISHED,
                            who.districtHeadsOf(p.districtCode()),
                            Map.of(
                                    "period", period,
                                    "district", p.districtName() == null ? p.districtCode() : p.districtName(),
                                    "score", p.total() == null ? "—" : String.format("%.2f", p.total()),
                                    "rank", p.rank() == null ? "—" : String.valueOf(p.rank()),
                                    "link", baseUrl + "/assessment/periods/" + e.periodId()),
                            "assessment",
                            String.valueOf(e.periodId()))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Notice> notice(
            String id, NoticeKind kind, List<String> to, Map<String, String> values, String module, String ref) {
        if (to.isEmpty()) {
            return Optional.empty();
        }
        List<Recipient> recipients =
                to.stream().<Recipient>map(Recipient.Staff::new).toList();
        return Optional.of(new Notice(id, kind, recipients, values, module, ref));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    static String stageLabel(ProcessStage stage) {
        if (stage == null) {
            return "办理";
        }
        return switch (stage) {
            case VERIFY -> "核实";
            case FILE -> "立案";
            case DISPATCH -> "派遣";
            case HANDLE -> "处置";
            case CHECK -> "核查";
            case CLOSE -> "结案";
        };
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(CityClock.ZONE));
    }
}
