package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.Urgency;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the transition table, allowed and refused, on the aggregate alone (no Spring). */
class CaseTransitionRulesTests {

    static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    static final long DEPT = 42L;

    /** Natural-time limits: every stage 10 hours, 80% warning at 8 hours. */
    static final Deadlines TEN_HOURS = new Deadlines() {
        @Override
        public Due start(long categoryId, Urgency urgency, ProcessStage stage, Instant start) {
            return new Due(start.plus(Duration.ofHours(10)), start.plus(Duration.ofHours(8)));
        }

        @Override
        public Due extend(long categoryId, Urgency urgency, ProcessStage stage, Instant dueAt, Duration extension) {
            return new Due(
                    dueAt.plus(extension), dueAt.plus(extension.multipliedBy(4).dividedBy(5)));
        }

        @Override
        public Due resume(
                long categoryId,
                Urgency urgency,
                ProcessStage stage,
                Due before,
                Instant suspendedAt,
                Instant resumedAt) {
            Duration paused = Duration.between(suspendedAt, resumedAt);
            return new Due(before.dueAt().plus(paused), before.warnAt().plus(paused));
        }
    };

    static StaffMember staff(Role role) {
        return new StaffMember(
                0, role.name().toLowerCase(), role.label(), Set.of(role), DataScope.CITY, null, null, null);
    }

    static StaffMember handler(long dept) {
        return new StaffMember(0, "handler", "处置员", Set.of(Role.HANDLER), DataScope.DEPARTMENT, null, dept, null);
    }

    static Case caseIn(CaseStatus status) {
        Case c = Case.report(CaseChannel.HOTLINE, 1, "EVENT:06010", "暴露垃圾", Urgency.NORMAL, "x", 31.8, 119.9, null, T0);
        c.id = 7L;
        c.gridCode = "320402001001001";
        c.districtCode = "320402";
        c.opened(StaffMember.SYSTEM, "OPERATOR", TEN_HOURS);
        c.status = status;
        c.stage = Case.stageOf(status);
        c.departmentId = DEPT;
        if (status == CaseStatus.SUSPEND_REQUESTED) {
            c.suspendedFrom = CaseStatus.ACCEPTED;
            c.resumeExpected = java.time.LocalDate.of(2026, 12, 31);
        }
        if (status == CaseStatus.SUSPENDED) {
            c.suspendedFrom = CaseStatus.ACCEPTED;
            c.suspendedAt = T0;
        }
        if (status == CaseStatus.EXTENSION_REQUESTED) {
            c.requestedExtensionHours = 24;
        }
        return c;
    }

    /** A request carrying everything any action may need. */
    static TransitionRequest full(CaseAction action) {
        return new TransitionRequest(
                action,
                "说明",
                DEPT,
                24,
                Satisfaction.SATISFIED,
                false,
                99L,
                "inspector1",
                java.time.LocalDate.of(2026, 12, 31));
    }

    static StaffMember performerFor(TransitionPolicy.Rule rule) {
        Role role = rule.roles().iterator().next();
        return role == Role.HANDLER ? handler(DEPT) : staff(role);
    }

    static Stream<Arguments> allowed() {
        return TransitionPolicy.rules().values().stream()
                .flatMap(rule -> rule.from().stream().map(from -> Arguments.of(rule.action(), from)));
    }

    @ParameterizedTest(name = "{0} from {1} is allowed")
    @MethodSource("allowed")
    void everyRowOfTheTableIsAllowedForItsRole(CaseAction action, CaseStatus from) {
        TransitionPolicy.Rule rule = TransitionPolicy.rule(action);
        Case c = caseIn(from);
        StepRecord step = c.apply(full(action), performerFor(rule), T0.plusSeconds(60), TEN_HOURS);
        CaseStatus expected = rule.to() != null
                ? rule.to()
                : action == CaseAction.RESUME || action == CaseAction.REFUSE_SUSPEND
                        ? CaseStatus.ACCEPTED
                        : action == CaseAction.VISIT ? CaseStatus.VISITED : from;
        assertThat(c.status()).isEqualTo(expected);
        assertThat(step.from()).isEqualTo(from);
        assertThat(step.to()).isEqualTo(expected);
        assertThat(step.action()).isEqualTo(action.name());
        assertThat(step.role()).isIn(rule.roles().stream().map(Enum::name).toList());
    }

    static Stream<Arguments> refusedByStatus() {
        return TransitionPolicy.rules().values().stream()
                .flatMap(rule -> EnumSet.complementOf(EnumSet.copyOf(rule.from())).stream()
                        .map(from -> Arguments.of(rule.action(), from)));
    }

    @ParameterizedTest(name = "{0} from {1} is a conflict")
    @MethodSource("refusedByStatus")
    void everyOtherStatusRefusesTheActionWithAConflict(CaseAction action, CaseStatus from) {
        Case c = caseIn(from);
        assertThatThrownBy(() -> c.apply(full(action), performerFor(TransitionPolicy.rule(action)), T0, TEN_HOURS))
                .isInstanceOf(ConflictException.class);
        assertThat(c.status()).isEqualTo(from);
    }

    static Stream<Arguments> refusedByRole() {
        return TransitionPolicy.rules().values().stream()
                .flatMap(rule -> EnumSet.complementOf(EnumSet.copyOf(rule.roles())).stream()
                        .map(role -> Arguments.of(rule.action(), role)));
    }

    @ParameterizedTest(name = "{0} by {1} is forbidden")
    @MethodSource("refusedByRole")
    void everyOtherRoleIsForbidden(CaseAction action, Role role) {
        TransitionPolicy.Rule rule = TransitionPolicy.rule(action);
        Case c = caseIn(rule.from().iterator().next());
        StaffMember who = role == Role.HANDLER ? handler(DEPT) : staff(role);
        assertThatThrownBy(() -> c.apply(full(action), who, T0, TEN_HOURS))
                .isInstanceOf(AccessDeniedToEntityException.class);
    }

    @Test
    void aHandlerOfAnotherDepartmentMayNotAccept() {
        Case c = caseIn(CaseStatus.DISPATCHED);
        assertThatThrownBy(() -> c.apply(full(CaseAction.ACCEPT), handler(DEPT + 1), T0, TEN_HOURS))
                .isInstanceOf(AccessDeniedToEntityException.class);
    }

    @Test
    void aDistrictUserMayNotActOutsideTheDistrict() {
        Case c = caseIn(CaseStatus.PENDING_FILE);
        StaffMember other =
                new StaffMember(0, "sl", "值班长", Set.of(Role.SHIFT_LEADER), DataScope.DISTRICT, "320404", null, null);
        assertThatThrownBy(() -> c.apply(full(CaseAction.FILE), other, T0, TEN_HOURS))
                .isInstanceOf(AccessDeniedToEntityException.class);
    }

    @Test
    void rejectReturnAndCheckFailNeedAReason() {
        for (CaseAction a : new CaseAction[] {CaseAction.REJECT, CaseAction.RETURN, CaseAction.CHECK_FAIL}) {
            TransitionPolicy.Rule rule = TransitionPolicy.rule(a);
            Case c = caseIn(rule.from().iterator().next());
            assertThatThrownBy(() -> c.apply(TransitionRequest.of(a, "  "), performerFor(rule), T0, TEN_HOURS))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aStepTakenAfterItsDueTimeIsRecordedAsLate() {
        Case c = caseIn(CaseStatus.PENDING_VERIFY);
        StepRecord step = c.apply(
                TransitionRequest.of(CaseAction.VERIFY, null),
                staff(Role.INSPECTOR),
                T0.plus(Duration.ofHours(11)),
                TEN_HOURS);
        assertThat(step.dueAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
        assertThat(step.onTime()).isFalse();
        assertThat(c.lateSteps).isEqualTo(1);
    }

    @Test
    void suspendedTimeDoesNotCountAgainstTheDeadline() {
        Case c = caseIn(CaseStatus.ACCEPTED);
        c.dueAt = T0.plus(Duration.ofHours(10));
        c.warnAt = T0.plus(Duration.ofHours(8));
        c.apply(
                TransitionRequest.of(CaseAction.SUSPEND, "等待季节"),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(2)),
                TEN_HOURS);
        assertThat(c.overdueAt(T0.plus(Duration.ofDays(30)))).isFalse();
        c.apply(
                TransitionRequest.of(CaseAction.RESUME, null),
                staff(Role.SHIFT_LEADER),
                T0.plus(Duration.ofHours(50)),
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.dueAt()).isEqualTo(T0.plus(Duration.ofHours(58)));
    }

    @Test
    void anApprovedExtensionMovesTheDeadline() {
        Case c = caseIn(CaseStatus.ACCEPTED);
        Instant due = c.dueAt();
        c.apply(
                new TransitionRequest(CaseAction.REQUEST_EXTENSION, "材料", null, 48, null, null, null),
                handler(DEPT),
                T0,
                TEN_HOURS);
        c.apply(TransitionRequest.of(CaseAction.APPROVE_EXTENSION, null), staff(Role.SHIFT_LEADER), T0, TEN_HOURS);
        assertThat(c.dueAt()).isEqualTo(due.plus(Duration.ofHours(48)));
        assertThat(c.extensionCount).isEqualTo(1);
    }

    @Test
    void aDissatisfiedVisitMayReopenTheCaseToTheSameDepartment() {
        Case c = caseIn(CaseStatus.CLOSED);
        c.apply(
                new TransitionRequest(CaseAction.VISIT, null, null, null, Satisfaction.DISSATISFIED, true, null),
                staff(Role.OPERATOR),
                T0,
                TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.departmentId()).isEqualTo(DEPT);
        assertThat(c.reworkCount).isEqualTo(1);
    }

    @Test
    void aReturnSendsTheCaseBackToTheDispatcherWithoutDepartment() {
        Case c = caseIn(CaseStatus.DISPATCHED);
        c.apply(TransitionRequest.of(CaseAction.RETURN, "非本部门职责"), handler(DEPT), T0, TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.FILED);
        assertThat(c.departmentId()).isNull();
        assertThat(c.returnCount).isEqualTo(1);
    }

    @Test
    void inspectorReportsSkipVerification() {
        Case c = Case.report(CaseChannel.INSPECTOR, 1, "c", "n", null, "x", 31.8, 119.9, null, T0);
        assertThat(c.status()).isEqualTo(CaseStatus.PENDING_FILE);
        assertThat(c.urgency).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void aCheckFailIsReworkWithAFreshHandlingClock() {
        Case c = caseIn(CaseStatus.HANDLED);
        Instant later = T0.plus(Duration.ofHours(3));
        c.apply(TransitionRequest.of(CaseAction.CHECK_FAIL, "不合格"), staff(Role.INSPECTOR), later, TEN_HOURS);
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.reworkCount).isEqualTo(1);
        assertThat(c.dueAt()).isEqualTo(later.plus(Duration.ofHours(10)));
    }
}
