package org.cityops.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityops.rectification.MeasureStatus.COMPLETED;
import static org.cityops.rectification.MeasureStatus.IN_PROGRESS;
import static org.cityops.rectification.MeasureStatus.NOT_STARTED;
import static org.cityops.rectification.internal.WarningRule.Kind.DUE_SOON;
import static org.cityops.rectification.internal.WarningRule.Kind.OVERDUE;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.rectification.internal.WarningRule.Flag;
import org.cityops.rectification.internal.WarningRule.OpenMeasure;
import org.junit.jupiter.api.Test;

/** 预警 as a plain rule (no Spring): which measure is 逾期 or 临期 on a day, and whom an escalation goes to. */
class WarningRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void aDeadlineBeforeTheDayIsOverdue() {
        assertThat(WarningRule.kindOf(IN_PROGRESS, DAY.minusDays(1), DAY)).contains(OVERDUE);
        assertThat(WarningRule.kindOf(NOT_STARTED, DAY.minusYears(1), DAY)).contains(OVERDUE);
    }

    @Test
    void aDeadlineFromTheDayToSevenDaysLaterIsDueSoon() {
        assertThat(WarningRule.kindOf(IN_PROGRESS, DAY, DAY)).contains(DUE_SOON);
        assertThat(WarningRule.kindOf(IN_PROGRESS, DAY.plusDays(7), DAY)).contains(DUE_SOON);
        assertThat(WarningRule.kindOf(IN_PROGRESS, DAY.plusDays(8), DAY)).isEmpty();
    }

    @Test
    void aCompletedMeasureOrOneWithoutADeadlineIsNeverWarnedAbout() {
        assertThat(WarningRule.kindOf(COMPLETED, DAY.minusDays(10), DAY)).isEmpty();
        assertThat(WarningRule.kindOf(COMPLETED, DAY, DAY)).isEmpty();
        assertThat(WarningRule.kindOf(IN_PROGRESS, null, DAY)).isEmpty();
    }

    @Test
    void anOverdueWarningGoesToTheMeasuresLeaderElseToEveryLeaderAndADueSoonOneToNobody() {
        assertThat(WarningRule.escalateTo(OVERDUE, "leader2")).isEqualTo("leader2");
        assertThat(WarningRule.escalateTo(OVERDUE, null)).isEqualTo(WarningRule.EVERY_LEADER);
        assertThat(WarningRule.escalateTo(DUE_SOON, "leader2")).isNull();
    }

    @Test
    void theDaysFlagsAreOnePerMeasureThatDeservesOne() {
        List<Flag> flags = WarningRule.flags(
                List.of(
                        new OpenMeasure(1, IN_PROGRESS, DAY.minusDays(2), "leader2"),
                        new OpenMeasure(2, NOT_STARTED, DAY.plusDays(3), "leader2"),
                        new OpenMeasure(3, IN_PROGRESS, DAY.plusDays(30), null),
                        new OpenMeasure(4, NOT_STARTED, DAY.minusDays(1), null),
                        new OpenMeasure(5, COMPLETED, DAY.minusDays(1), null)),
                DAY,
                Set.of());
        assertThat(flags)
                .containsExactly(
                        new Flag(1, OVERDUE, "leader2"),
                        new Flag(2, DUE_SOON, null),
                        new Flag(4, OVERDUE, WarningRule.EVERY_LEADER));
    }

    @Test
    void aWarningAlreadyRecordedThatDayIsNotFlaggedAgain() {
        List<OpenMeasure> measures = List.of(
                new OpenMeasure(1, IN_PROGRESS, DAY.minusDays(2), null),
                new OpenMeasure(2, IN_PROGRESS, DAY.plusDays(1), null));
        assertThat(WarningRule.flags(measures, DAY, Set.of(WarningRule.key(1, OVERDUE), WarningRule.key(2, DUE_SOON))))
                .isEmpty();
        // the same measure on another kind is a different warning
        assertThat(WarningRule.flags(measures, DAY, Set.of(WarningRule.key(1, DUE_SOON))))
                .extracting(Flag::measureId)
                .containsExactly(1L, 2L);
    }
}
