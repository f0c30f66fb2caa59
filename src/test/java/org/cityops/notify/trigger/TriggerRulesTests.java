package org.cityops.notify.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.assessment.AssessmentPublished;
import org.cityops.assessment.PublishedRankings;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.catalog.ProcessStage;
import org.cityops.muck.MuckAlarmRaised;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.Recipient;
import org.cityops.rectification.MeasureOverdue;
import org.junit.jupiter.api.Test;

/** Who each trigger tells, with which words, under which event id (no Spring, no database). */
class TriggerRulesTests {

    static final Instant DUE = Instant.parse("2026-12-07T06:00:00Z"); // 14:00 in 常州
    static final Instant AT = Instant.parse("2026-12-07T04:48:00Z");

    /** A small org: HWC has two handlers and a head; 天宁 has a district head; muck supervisors by area. */
    static final Who WHO = new Who() {
        @Override
        public List<String> handlersOf(String dept) {
            return "HWC".equals(dept) ? List.of("handler-a", "handler-b") : List.of();
        }

        @Override
        public List<String> headsOf(String dept) {
            return "HWC".equals(dept) ? List.of("head-hwc") : List.of();
        }

        @Override
        public List<String> districtHeadsOf(String district) {
            return "320402".equals(district) ? List.of("head-tianning") : List.of();
        }

        @Override
        public List<String> muckSupervisorsOf(String district) {
            return "320402".equals(district) ? List.of("muck-city", "muck-tianning") : List.of("muck-city");
        }

        @Override
        public List<String> allLeaders() {
            return List.of("leader1", "leader2");
        }

        @Override
        public String departmentCode(Long id) {
            return Long.valueOf(5).equals(id) ? "HWC" : null;
        }

        @Override
        public String placeName(String code) {
            return Map.of("320402", "天宁区", "320402001001", "青果巷社区").getOrDefault(code, code);
        }

        @Override
        public String categoryName(String code) {
            return "暴露垃圾";
        }

        @Override
        public String displayName(String username) {
            return "leader1".equals(username) ? "局领导一" : username;
        }
    };

    final TriggerRules rules = new TriggerRules(WHO, "https://city.example/", Set.of("UNSEALED", "FORBIDDEN_ZONE"));

    static CaseDeadlineAlert alert(boolean overdue, String dept) {
        return new CaseDeadlineAlert(
                7L,
                "TN0007",
                ProcessStage.HANDLE,
                dept,
                DUE,
                overdue,
                AT,
                CaseChannel.HOTLINE,
                "E01",
                "320402001001001",
                "320402001001",
                "320402001",
                "320402");
    }

    static CaseStepCompleted step(CaseAction action, CaseStatus to, String actor, String assignee, String note) {
        return new CaseStepCompleted(
                7L,
                "TN0007",
                action,
                ProcessStage.HANDLE,
                CaseStatus.ACCEPTED,
                to,
                actor,
                "LEADER",
                "HWC",
                "320402",
                "320402001001001",
                DUE,
                AT,
                true,
                "E01",
                CaseChannel.HOTLINE,
                "320402001001",
                "320402001",
                null,
                true,
                null,
                note,
                assignee,
                assignee,
                null);
    }

    static List<String> staff(Notice n) {
        return n.to().stream().map(r -> ((Recipient.Staff) r).username()).toList();
    }

    @Test
    void aWarningGoesToTheDepartmentsHandlersAndItsHeadWithTheStageAndDueTime() {
        Notice n = rules.deadline(alert(false, "HWC")).orElseThrow();
        assertThat(n.kind()).isEqualTo(NoticeKind.CASE_WARNING);
        assertThat(staff(n)).containsExactly("handler-a", "handler-b", "head-hwc");
        assertThat(n.values())
                .containsEntry("caseNumber", "TN0007")
                .containsEntry("category", "暴露垃圾")
                .containsEntry("stage", "处置")
                .containsEntry("dueAt", "12月7日 14:00")
                .containsEntry("link", "https://city.example/cases/7");
    }

    @Test
    void anOverdueAlertIsTheUrgentKindUnderItsOwnEventId() {
        Notice warning = rules.deadline(alert(false, "HWC")).orElseThrow();
        Notice overdue = rules.deadline(alert(true, "HWC")).orElseThrow();
        assertThat(overdue.kind()).isEqualTo(NoticeKind.CASE_OVERDUE);
        assertThat(overdue.kind().urgent()).isTrue();
        assertThat(overdue.eventId()).isNotEqualTo(warning.eventId());
    }

    @Test
    void theSameEventAlwaysGivesTheSameEventIdSoAReplayIsIgnoredByTheOutbox() {
        assertThat(rules.deadline(alert(true, "HWC")).orElseThrow().eventId())
                .isEqualTo(rules.deadline(alert(true, "HWC")).orElseThrow().eventId());
        CaseStepCompleted s = step(CaseAction.SUPERVISE, CaseStatus.ACCEPTED, "leader1", null, "今天办完");
        assertThat(rules.supervised(s).orElseThrow().eventId())
                .isEqualTo(rules.supervised(s).orElseThrow().eventId());
    }

    @Test
    void anAlertForADepartmentWithNobodyToTellQueuesNothing() {
        assertThat(rules.deadline(alert(false, "NOBODY"))).isEmpty();
        assertThat(rules.deadline(alert(false, null))).isEmpty();
    }

    @Test
    void aSupervisionGoesToTheDepartmentHeadAndTheLeaderWhoIssuedItWithTheLeadersNote() {
        Notice n = rules.supervised(step(CaseAction.SUPERVISE, CaseStatus.ACCEPTED, "leader1", null, "今天办完"))
                .orElseThrow();
        assertThat(n.kind()).isEqualTo(NoticeKind.CASE_SUPERVISED);
        assertThat(staff(n)).containsExactly("head-hwc", "leader1");
        assertThat(n.values()).containsEntry("leader", "局领导一").containsEntry("note", "今天办完");
    }

    @Test
    void otherStepsAreNeitherSupervisionsNorInspectorTasks() {
        CaseStepCompleted accept = step(CaseAction.ACCEPT, CaseStatus.ACCEPTED, "handler-a", null, null);
        assertThat(rules.supervised(accept)).isEmpty();
        assertThat(rules.inspectorTask(accept)).isEmpty();
    }

    @Test
    void aCheckTaskGoesToTheAssignedInspectorWithThePlace() {
        Notice n = rules.inspectorTask(
                        step(CaseAction.ASSIGN_INSPECTOR, CaseStatus.HANDLED, "shiftlead1", "inspector7", null))
                .orElseThrow();
        assertThat(n.kind()).isEqualTo(NoticeKind.INSPECTOR_TASK);
        assertThat(staff(n)).containsExactly("inspector7");
        assertThat(n.values()).containsEntry("task", "核查").containsEntry("address", "青果巷社区");
        Notice verify = rules.inspectorTask(
                        step(CaseAction.ASSIGN_INSPECTOR, CaseStatus.PENDING_VERIFY, "system", "inspector7", null))
                .orElseThrow();
        assertThat(verify.values()).containsEntry("task", "核实");
    }

    @Test
    void aMuckAlarmOfAChosenTypeGoesToTheSupervisorsCoveringItsDistrictAndOtherTypesToNobody() {
        MuckAlarmRaised unsealed =
                new MuckAlarmRaised(42L, "UNSEALED", "未密闭运输", "苏D12345", "320402", 31.78, 119.97, AT);
        Notice n = rules.muckAlarm(unsealed).orElseThrow();
        assertThat(n.kind()).isEqualTo(NoticeKind.MUCK_ALARM);
        assertThat(n.eventId()).isEqualTo("muck-alarm:42");
        assertThat(staff(n)).containsExactly("muck-city", "muck-tianning");
        assertThat(n.values())
                .containsEntry("plate", "苏D12345")
                .containsEntry("alarm", "未密闭运输")
                .hasEntrySatisfying("place", p -> assertThat(p).startsWith("天宁区"));
        assertThat(rules.muckAlarm(new MuckAlarmRaised(43L, "SPEEDING", "超速", "苏D1", "320402", 31.7, 119.9, AT)))
                .isEmpty();
    }

    @Test
    void anOverdueMeasureGoesToTheLeadDepartmentAndItsLeaderOncePerDeadline() {
        MeasureOverdue m = new MeasureOverdue(
                9L, "清理占道", "市环卫处", 5L, "leader2", "王局", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7));
        Notice n = rules.measureOverdue(m).orElseThrow();
        assertThat(n.kind()).isEqualTo(NoticeKind.MEASURE_OVERDUE);
        assertThat(staff(n)).containsExactly("head-hwc", "handler-a", "handler-b", "leader2");
        assertThat(n.values()).containsEntry("department", "市环卫处").containsEntry("dueAt", "2026年12月1日");
        MeasureOverdue nextDay = new MeasureOverdue(
                9L, "清理占道", "市环卫处", 5L, "leader2", "王局", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8));
        assertThat(rules.measureOverdue(nextDay).orElseThrow().eventId()).isEqualTo(n.eventId());
        MeasureOverdue extended = new MeasureOverdue(
                9L, "清理占道", "市环卫处", 5L, "leader2", "王局", LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 21));
        assertThat(rules.measureOverdue(extended).orElseThrow().eventId()).isNotEqualTo(n.eventId());
    }

    @Test
    void anOverdueMeasureWithoutALeaderAccountGoesToEveryLeaderAsTheLedgerEscalates() {
        MeasureOverdue m = new MeasureOverdue(
                9L, "清理占道", "某单位", null, null, "王局", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7));
        assertThat(staff(rules.measureOverdue(m).orElseThrow())).containsExactly("leader1", "leader2");
    }

    @Test
    void aPublishedAssessmentTellsEachDistrictsHeadsItsOwnScoreAndRank() {
        var ranking = new PublishedRankings.Ranking(
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                2,
                List.of(
                        new PublishedRankings.Place(1, "320402", "天宁区", 95.456, "优秀"),
                        new PublishedRankings.Place(2, "320404", "钟楼区", 90.0, "良好")));
        List<Notice> out = rules.assessmentPublished(
                new AssessmentPublished(3L, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), 2), ranking);
        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.ASSESSMENT_PUBLISHED);
            assertThat(staff(n)).containsExactly("head-tianning");
            assertThat(n.values())
                    .containsEntry("district", "天宁区")
                    .containsEntry("score", "95.46")
                    .containsEntry("rank", "1")
                    .containsEntry("period", "2026年11月1日至2026年11月30日");
            assertThat(n.eventId()).isEqualTo("assessment-published:3:v2:320402");
        });
    }
}
