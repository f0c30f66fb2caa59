package org.cityops.notify.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.ProcessStage;
import org.cityops.geo.GridLocator;
import org.cityops.muck.MuckAlarmRaised;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.rectification.MeasureOverdue;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triggers on the demo city: each event queues its notice to the demo accounts that hold the roles, in the
 * causing transaction, once however often the event is replayed.
 */
@IntegrationTest
@RecordApplicationEvents
class NotificationTriggersTests {

    static final Instant AT = Instant.parse("2026-12-07T04:00:00Z");

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Notifications notifications;

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    OrgDirectory org;

    @Autowired
    ApplicationEvents events;

    private void publishTwice(Object event) {
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
    }

    private static List<String> recipients(List<NoticeRecord> records) {
        return records.stream().map(NoticeRecord::recipient).distinct().toList();
    }

    @Test
    void anOverdueAlertReachesTheDepartmentsHandlerAndHeadOnceHoweverOftenItIsReplayed() {
        long caseId = 900_000L + System.nanoTime() % 100_000;
        CaseDeadlineAlert alert = new CaseDeadlineAlert(
                caseId,
                "T" + caseId,
                ProcessStage.HANDLE,
                "HWC",
                AT,
                true,
                AT,
                CaseChannel.HOTLINE,
                "E01",
                null,
                null,
                null,
                "320402");
        publishTwice(alert);
        List<NoticeRecord> sent = notifications.ofEvent("case-overdue:" + caseId + ":HANDLE:" + AT.toEpochMilli());
        assertThat(recipients(sent)).containsExactlyInAnyOrder("handler-hwc", "head-hwc");
        assertThat(sent).allSatisfy(r -> assertThat(r.kind()).isEqualTo(NoticeKind.CASE_OVERDUE));
        assertThat(sent.stream()
                        .filter(r -> r.recipient().equals("handler-hwc"))
                        .map(NoticeRecord::channel))
                .doesNotHaveDuplicates();
    }

    @Test
    void aMuckAlarmOfAChosenTypeReachesTheCityWideMuckSupervisorAndSpeedingDoesNot() {
        long id = 800_000L + System.nanoTime() % 100_000;
        publishTwice(new MuckAlarmRaised(id, "UNSEALED", "未密闭运输", "苏D0001", "320402", 31.78, 119.97, AT));
        publishTwice(new MuckAlarmRaised(id + 1, "SPEEDING", "超速", "苏D0001", "320402", 31.78, 119.97, AT));
        assertThat(recipients(notifications.ofEvent("muck-alarm:" + id))).containsExactly("muck1");
        assertThat(notifications.ofEvent("muck-alarm:" + (id + 1))).isEmpty();
    }

    @Test
    void anOverdueMeasureReachesTheLeadDepartmentsHandlerAndHeadAndItsLeader() {
        long dept = org.departmentByCode("HWC").map(DepartmentView::id).orElseThrow();
        long measure = 700_000L + System.nanoTime() % 100_000;
        publishTwice(new MeasureOverdue(
                measure,
                "清理占道",
                "市环境卫生管理处",
                dept,
                "leader1",
                "局领导一",
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 7)));
        assertThat(recipients(notifications.ofEvent("measure-overdue:" + measure + ":2026-12-01")))
                .containsExactlyInAnyOrder("handler-hwc", "head-hwc", "leader1");
    }

    @Test
    void aSupervisionThroughTheCaseServiceReachesTheLeaderWhoIssuedIt() {
        long id = CaseFixtures.newCase(cases, locator, catalog, "督办通知");
        StaffMember leader =
                new StaffMember(0, "leader1", "局领导一", Set.of(Role.LEADER), DataScope.CITY, null, null, null);
        cases.transition(id, TransitionRequest.of(CaseAction.SUPERVISE, "请今天处理"), leader);
        CaseStepCompleted step = events.stream(CaseStepCompleted.class)
                .filter(e -> e.caseId() == id && e.action() == CaseAction.SUPERVISE)
                .findFirst()
                .orElseThrow();
        List<NoticeRecord> sent = notifications.ofEvent(
                "case-supervise:" + id + ":" + step.actedAt().toEpochMilli());
        assertThat(recipients(sent)).contains("leader1");
        assertThat(sent).allSatisfy(r -> assertThat(r.kind()).isEqualTo(NoticeKind.CASE_SUPERVISED));
    }

    @Test
    void anInspectorTaskReachesTheInspectorItWasSentTo() {
        long id = CaseFixtures.newCase(cases, locator, catalog, "核实任务通知");
        cases.transition(id, TransitionRequest.assign("inspector1", null), CaseFixtures.SHIFT);
        CaseStepCompleted step = events.stream(CaseStepCompleted.class)
                .filter(e -> e.caseId() == id && e.action() == CaseAction.ASSIGN_INSPECTOR)
                .reduce((a, b) -> b)
                .orElseThrow();
        List<NoticeRecord> sent = notifications.ofEvent(
                "inspector-task:" + id + ":" + step.actedAt().toEpochMilli() + ":" + step.assignee());
        assertThat(recipients(sent)).containsExactly("inspector1");
    }
}
