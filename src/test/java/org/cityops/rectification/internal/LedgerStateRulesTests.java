package org.cityops.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityops.rectification.MeasureStatus.COMPLETED;
import static org.cityops.rectification.MeasureStatus.IN_PROGRESS;
import static org.cityops.rectification.MeasureStatus.NOT_STARTED;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.internal.SignOffRule.MeasureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The measure's states, 对账销号 and 反弹回潮, and who may do what, as plain rules (no Spring). */
class LedgerStateRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static MeasureState done(int seq) {
        return new MeasureState(seq, COMPLETED, 1);
    }

    // ------------------------------------------------------------ measure states

    @Test
    void postingProgressStartsAMeasureThatHasNotStartedAndLeavesTheOthers() {
        assertThat(MeasureStatusRule.afterProgress(NOT_STARTED)).isEqualTo(IN_PROGRESS);
        assertThat(MeasureStatusRule.afterProgress(IN_PROGRESS)).isEqualTo(IN_PROGRESS);
        assertThat(MeasureStatusRule.afterProgress(COMPLETED)).isEqualTo(COMPLETED);
    }

    @Test
    void completingAMeasureRecordsTheDayAndKeepsAnEarlierOne() {
        assertThat(MeasureStatusRule.completedOn(COMPLETED, null, TODAY)).isEqualTo(TODAY);
        assertThat(MeasureStatusRule.completedOn(COMPLETED, TODAY.minusDays(30), TODAY))
                .isEqualTo(TODAY.minusDays(30));
    }

    @ParameterizedTest(name = "{0} clears the completion day")
    @EnumSource(
            value = MeasureStatus.class,
            names = {"NOT_STARTED", "IN_PROGRESS"})
    void anyOtherStatusClearsTheCompletionDay(MeasureStatus to) {
        assertThat(MeasureStatusRule.completedOn(to, TODAY.minusDays(3), TODAY)).isNull();
    }

    @ParameterizedTest(name = "{0} may be set on an open problem")
    @EnumSource(MeasureStatus.class)
    void everyStatusMayBeSetWhileTheProblemIsOpen(MeasureStatus to) {
        MeasureStatusRule.requireChangeable(false, to);
    }

    @ParameterizedTest(name = "{0} on a signed-off problem is a conflict")
    @EnumSource(
            value = MeasureStatus.class,
            names = {"NOT_STARTED", "IN_PROGRESS"})
    void aMeasureOfASignedOffProblemMayOnlyStayCompleted(MeasureStatus to) {
        assertThatThrownBy(() -> MeasureStatusRule.requireChangeable(true, to))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("请先重新打开");
        MeasureStatusRule.requireChangeable(true, COMPLETED);
    }

    @Test
    void aStatusChangeWithoutAStatusIsA400OnStatus() {
        assertThatThrownBy(() -> MeasureStatusRule.requireChangeable(false, null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("status");
    }

    // ------------------------------------------------------------ 销号

    @Test
    void aProblemWhoseMeasuresAreAllCompletedWithEvidenceIsSignedOff() {
        SignOffRule.requireSignable(false, List.of(done(1), done(2)), "已核实");
    }

    @Test
    void aProblemSignedOffAlreadyIsAConflict() {
        assertThatThrownBy(() -> SignOffRule.requireSignable(true, List.of(done(1)), "已核实"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("已销号");
    }

    @Test
    void aProblemWithoutMeasuresIsAConflict() {
        assertThatThrownBy(() -> SignOffRule.requireSignable(false, List.of(), "已核实"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("没有整改措施");
    }

    @ParameterizedTest(name = "a measure {0} blocks 销号")
    @EnumSource(
            value = MeasureStatus.class,
            names = {"NOT_STARTED", "IN_PROGRESS"})
    void aMeasureNotCompletedBlocksTheSignOffAndIsNamed(MeasureStatus status) {
        assertThatThrownBy(() ->
                        SignOffRule.requireSignable(false, List.of(done(1), new MeasureState(2, status, 3)), "已核实"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("措施 2 尚未完成");
    }

    @Test
    void aCompletedMeasureWithoutEvidenceBlocksTheSignOffAndIsNamed() {
        assertThatThrownBy(() ->
                        SignOffRule.requireSignable(false, List.of(new MeasureState(1, COMPLETED, 0), done(2)), "已核实"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("措施 1 没有佐证材料");
    }

    @Test
    void aSignOffWithoutAnOpinionIsA400OnOpinionOnceTheLedgerAllowsIt() {
        assertThatThrownBy(() -> SignOffRule.requireSignable(false, List.of(done(1)), " "))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("opinion");
        // the ledger's state is checked first: an open measure is the answer even without an opinion
        assertThatThrownBy(() -> SignOffRule.requireSignable(false, List.of(new MeasureState(1, IN_PROGRESS, 1)), null))
                .isInstanceOf(ConflictException.class);
    }

    // ------------------------------------------------------------ 反弹回潮

    @Test
    void onlyASignedOffProblemIsReopenedAndOnlyWithAReason() {
        SignOffRule.requireReopenable(true, "反弹");
        assertThatThrownBy(() -> SignOffRule.requireReopenable(false, "反弹"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("尚未销号");
        assertThatThrownBy(() -> SignOffRule.requireReopenable(true, ""))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).field())
                .isEqualTo("reason");
    }

    @Test
    void reopeningSendsCompletedMeasuresBackToInProgressAndLeavesTheOthers() {
        assertThat(SignOffRule.afterReopen(COMPLETED)).isEqualTo(IN_PROGRESS);
        assertThat(SignOffRule.afterReopen(IN_PROGRESS)).isEqualTo(IN_PROGRESS);
        assertThat(SignOffRule.afterReopen(NOT_STARTED)).isEqualTo(NOT_STARTED);
    }

    // ------------------------------------------------------------ who may

    static StaffMember staff(Role role, Long departmentId) {
        return new StaffMember(
                1L,
                role.name().toLowerCase(),
                role.label(),
                Set.of(role),
                departmentId == null ? DataScope.CITY : DataScope.DEPARTMENT,
                null,
                departmentId,
                null);
    }

    @Test
    void theOfficeEditsLeadersSignOffAndBothSeeTheWholeLedger() {
        StaffMember office = staff(Role.RECTIFICATION_OFFICE, null);
        StaffMember leader = staff(Role.LEADER, null);
        assertThat(LedgerAccess.edits(office)).isTrue();
        assertThat(LedgerAccess.signsOff(office)).isFalse();
        assertThat(LedgerAccess.signsOff(leader)).isTrue();
        assertThat(LedgerAccess.edits(leader)).isFalse();
        assertThat(LedgerAccess.scope(office)).isNull();
        assertThat(LedgerAccess.scope(leader)).isNull();
        assertThat(LedgerAccess.scope(staff(Role.ADMIN, null))).isNull();
        assertThatThrownBy(() -> LedgerAccess.requireLeader(office)).isInstanceOf(AccessDeniedToEntityException.class);
        assertThatThrownBy(() -> LedgerAccess.requireEditor(leader)).isInstanceOf(AccessDeniedToEntityException.class);
    }

    @Test
    void aDepartmentUserSeesItsDepartmentAndOneWithoutADepartmentSeesNothing() {
        assertThat(LedgerAccess.scope(staff(Role.HANDLER, 42L))).isEqualTo(42L);
        assertThat(LedgerAccess.scope(staff(Role.HANDLER, null))).isEqualTo(LedgerAccess.NO_DEPARTMENT);
        assertThat(LedgerAccess.seesAll(staff(Role.HANDLER, 42L))).isFalse();
    }
}
