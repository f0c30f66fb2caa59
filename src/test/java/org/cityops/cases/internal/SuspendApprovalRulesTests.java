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
import java.time.LocalDate;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseStatus;
import org.cityops.org.Role;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** 挂账 with approval on the aggregate alone (no Spring). T0 is 2026-11-27 09:00 city time. */
class SuspendApprovalRulesTests {

    static final LocalDate LATER = LocalDate.of(2027, 3, 1);

    @Test
    void aRequestKeepsTheClockRunningAndOnlyTheApprovalStopsIt() {
        Case c = caseIn(CaseStatus.ACCEPTED);
        java.time.Instant due = c.dueAt();
        StepRecord request = c.apply(
                TransitionRequest.requestSuspend("道路大修期间无法施工", LATER),
                handler(DEPT),
                T0.plus(Duration.ofHours(1)),
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.SUSPEND_REQUESTED);
        assertThat(request.note()).contains("道路大修期间无法施工").contains("2027-03-01");
        assertThat(c.overdueAt(T0.plus(Duration.ofHours(11)))).isTrue();

        c.apply(
                TransitionRequest.of(CaseAction.SUSPEND, null),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(2)),
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(c.overdueAt(T0.plus(Duration.ofDays(30)))).isFalse();

        c.apply(
                TransitionRequest.of(CaseAction.RESUME, null),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(52)),
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.dueAt()).isEqualTo(due.plus(Duration.ofHours(50)));
        assertThat(c.resumeExpected).isNull();
    }

    @Test
    void aRefusalSendsTheCaseBackToTheDepartmentWithItsClockUntouched() {
        Case c = caseIn(CaseStatus.DISPATCHED);
        java.time.Instant due = c.dueAt();
        c.apply(TransitionRequest.requestSuspend("等待管线迁改", LATER), handler(DEPT), T0, TEN_HOURS);
        StepRecord refusal = c.apply(
                TransitionRequest.of(CaseAction.REFUSE_SUSPEND, "不符合挂账条件"),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(1)),
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.departmentId()).isEqualTo(DEPT);
        assertThat(c.dueAt()).isEqualTo(due);
        assertThat(c.resumeExpected).isNull();
        assertThat(refusal.to()).isEqualTo(CaseStatus.DISPATCHED);
    }

    @Test
    void aRequestNeedsAReasonAndAnExpectedDateAfterToday() {
        assertThatThrownBy(() -> caseIn(CaseStatus.ACCEPTED)
                        .apply(TransitionRequest.requestSuspend(null, LATER), handler(DEPT), T0, TEN_HOURS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("申请挂账需要填写说明");
        assertThatThrownBy(() -> caseIn(CaseStatus.ACCEPTED)
                        .apply(TransitionRequest.requestSuspend("等待", null), handler(DEPT), T0, TEN_HOURS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("预计恢复日期");
        assertThatThrownBy(() -> caseIn(CaseStatus.ACCEPTED)
                        .apply(
                                TransitionRequest.requestSuspend("等待", LocalDate.of(2026, 11, 27)),
                                handler(DEPT),
                                T0,
                                TEN_HOURS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("应晚于今天");
    }

    @Test
    void aSuspendRequestOnASuspendedOrClosedCaseIsAConflict() {
        for (CaseStatus s : new CaseStatus[] {
            CaseStatus.SUSPENDED, CaseStatus.SUSPEND_REQUESTED, CaseStatus.CLOSED, CaseStatus.VISITED
        }) {
            Case c = caseIn(s);
            assertThatThrownBy(
                            () -> c.apply(TransitionRequest.requestSuspend("等待", LATER), handler(DEPT), T0, TEN_HOURS))
                    .isInstanceOf(ConflictException.class);
            assertThat(c.status()).isEqualTo(s);
        }
    }

    @Test
    void approvingARequestNeedsNoNewReasonButSuspendingWithoutARequestDoes() {
        Case requested = caseIn(CaseStatus.SUSPEND_REQUESTED);
        requested.apply(TransitionRequest.of(CaseAction.SUSPEND, null), staff(Role.SHIFT_LEADER), T0, TEN_HOURS);
        assertThat(requested.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(requested.suspendedFrom).isEqualTo(CaseStatus.ACCEPTED);

        assertThatThrownBy(() -> caseIn(CaseStatus.ACCEPTED)
                        .apply(TransitionRequest.of(CaseAction.SUSPEND, null), staff(Role.SHIFT_LEADER), T0, TEN_HOURS))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRefusalNeedsAReason() {
        assertThatThrownBy(() -> caseIn(CaseStatus.SUSPEND_REQUESTED)
                        .apply(
                                TransitionRequest.of(CaseAction.REFUSE_SUSPEND, ""),
                                staff(Role.SHIFT_LEADER),
                                T0,
                                TEN_HOURS))
                .isInstanceOf(InvalidInputException.class);
    }
}
