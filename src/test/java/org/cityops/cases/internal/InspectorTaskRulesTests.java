package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityops.cases.internal.CaseTransitionRulesTests.DEPT;
import static org.cityops.cases.internal.CaseTransitionRulesTests.T0;
import static org.cityops.cases.internal.CaseTransitionRulesTests.TEN_HOURS;
import static org.cityops.cases.internal.CaseTransitionRulesTests.caseIn;
import static org.cityops.cases.internal.CaseTransitionRulesTests.handler;
import static org.cityops.cases.internal.CaseTransitionRulesTests.staff;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseStatus;
import org.cityops.catalog.ProcessStage;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** 核实/核查派遣 on the aggregate and the assignee rules alone (no Spring). The case lies in district 320402. */
class InspectorTaskRulesTests {

    static StaffMember inspector(String name, DataScope scope, String area) {
        return new StaffMember(0, name, name, Set.of(Role.INSPECTOR), scope, area, null, null);
    }

    @Test
    void anAssignmentRestartsTheVerifyTimeLimitFromTheAssignment() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        StepRecord step = c.apply(
                TransitionRequest.assign("insp-tianning", null),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(3)),
                TEN_HOURS);
        assertThat(step.action()).isEqualTo("ASSIGN_INSPECTOR");
        assertThat(step.inspector()).isEqualTo("insp-tianning");
        assertThat(step.stage()).isEqualTo(ProcessStage.VERIFY);
        assertThat(step.dueAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
        assertThat(step.onTime()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.PENDING_VERIFY);
        assertThat(c.inspector()).isEqualTo("insp-tianning");
        assertThat(c.dueAt()).isEqualTo(T0.plus(Duration.ofHours(13)));
    }

    @Test
    void anAssignmentAfterTheWaitingLimitIsRecordedLate() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        StepRecord step = c.apply(
                TransitionRequest.assign("insp", null), staff(Role.OPERATOR), T0.plus(Duration.ofHours(11)), TEN_HOURS);
        assertThat(step.onTime()).isFalse();
        assertThat(step.role()).isEqualTo("OPERATOR");
    }

    @Test
    void theDefaultAssignmentOfACheckTaskStartsTheCheckTimeLimit() {
        Case c = caseIn(CaseStatus.HANDLED);
        StepRecord step =
                c.assignDefault("inspector1", StaffMember.SYSTEM, "SYSTEM", T0.plus(Duration.ofHours(2)), TEN_HOURS);
        assertThat(step.stage()).isEqualTo(ProcessStage.CHECK);
        assertThat(step.actor()).isEqualTo("system");
        assertThat(step.inspector()).isEqualTo("inspector1");
        assertThat(step.from()).isEqualTo(CaseStatus.HANDLED);
        assertThat(step.to()).isEqualTo(CaseStatus.HANDLED);
        assertThat(c.dueAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void aHandlingReportOpensACheckTaskThatNobodyHasYet() {
        Case c = caseIn(CaseStatus.ACCEPTED);
        c.inspector = "inspector1";
        c.apply(TransitionRequest.of(CaseAction.REPORT_HANDLED, "已清理"), handler(DEPT), T0, TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.HANDLED);
        assertThat(c.inspector()).isNull();
    }

    @Test
    void assigningOnACaseNotWaitingForVerificationOrCheckIsAConflictThatSaysSo() {
        Case c = caseIn(CaseStatus.ACCEPTED);
        assertThatThrownBy(() -> c.authorize(CaseAction.ASSIGN_INSPECTOR, staff(Role.SHIFT_LEADER)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("只有待核实、待核查的案卷可指派监督员");
    }

    @Test
    void anAssignmentWithoutAnInspectorIsABadRequestOnTheInspectorField() {
        Case c = caseIn(CaseStatus.HANDLED);
        assertThatThrownBy(() -> c.apply(TransitionRequest.assign(" ", null), staff(Role.SHIFT_LEADER), T0, TEN_HOURS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请指定监督员");
    }

    @Test
    void anUnknownAccountIsABadRequestThatSaysSo() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        assertThatThrownBy(() -> InspectorTasks.checkAssignee(c, "nobody", Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不存在或已停用");
    }

    @Test
    void anAccountThatIsNotAnInspectorIsABadRequestThatSaysSo() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        assertThatThrownBy(() -> InspectorTasks.checkAssignee(c, "operator1", Optional.of(staff(Role.OPERATOR))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不是监督员");
    }

    @Test
    void anInspectorOfAnotherDistrictIsForbiddenAndTheMessageSaysSo() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        assertThatThrownBy(() -> InspectorTasks.checkAssignee(
                        c, "insp-zhonglou", Optional.of(inspector("insp-zhonglou", DataScope.DISTRICT, "320404"))))
                .isInstanceOf(AccessDeniedToEntityException.class)
                .hasMessageContaining("不负责本案卷所在区域");
    }

    @Test
    void anInspectorOfTheCasesDistrictMayBeAssigned() {
        Case c = caseIn(CaseStatus.HANDLED);
        InspectorTasks.checkAssignee(
                c, "insp-tianning", Optional.of(inspector("insp-tianning", DataScope.DISTRICT, "320402")));
    }

    @Test
    void anInspectorOutsideTheCasesAreaMayNotVerifyOrCheckIt() {
        StaffMember other = inspector("insp-zhonglou", DataScope.DISTRICT, "320404");
        assertThatThrownBy(() -> caseIn(CaseStatus.PENDING_VERIFY)
                        .apply(TransitionRequest.of(CaseAction.VERIFY, null), other, T0, TEN_HOURS))
                .isInstanceOf(AccessDeniedToEntityException.class);
        assertThatThrownBy(() -> caseIn(CaseStatus.HANDLED)
                        .apply(TransitionRequest.of(CaseAction.CHECK_PASS, null), other, T0, TEN_HOURS))
                .isInstanceOf(AccessDeniedToEntityException.class);
    }
}
