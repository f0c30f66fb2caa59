package org.cityops.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.cases.Satisfaction;
import org.cityops.catalog.ProcessStage;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** How case events become counted facts, and how a statistics question is checked (no Spring, no database). */
class StepFactsTests {

    static final Instant AT = Instant.parse("2026-11-30T17:30:00Z"); // 2026-12-01 01:30 in 常州

    static CaseStepCompleted step(CaseAction action, Boolean handledByDeadline, Satisfaction satisfaction) {
        return new CaseStepCompleted(
                7L,
                "TN202612010001",
                action,
                ProcessStage.HANDLE,
                CaseStatus.CHECKED,
                CaseStatus.CLOSED,
                "shiftlead1",
                "SHIFT_LEADER",
                "HWC",
                "320402",
                "320402001001001",
                null,
                AT,
                true,
                "E09006",
                CaseChannel.HOTLINE,
                null,
                null,
                null,
                false,
                satisfaction,
                null,
                null,
                null,
                handledByDeadline);
    }

    @Test
    void aCloseHandledByTheDeadlineCountsAsClosedAndClosedOnTime() {
        var facts = StepFacts.of(step(CaseAction.CLOSE, true, null));
        assertThat(facts).extracting(Fact::measure).containsExactly(Measure.CLOSED, Measure.CLOSED_ON_TIME);
        assertThat(StepFacts.of(step(CaseAction.CLOSE, false, null)))
                .extracting(Fact::measure)
                .containsExactly(Measure.CLOSED);
    }

    @Test
    void factsFallOnTheCitysCalendarDayAndTakeTheStreetFromTheGrid() {
        Fact f = StepFacts.of(step(CaseAction.CLOSE, true, null)).get(0);
        assertThat(f.day()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(f.street()).isEqualTo("320402001");
        assertThat(f.channel()).isEqualTo("HOTLINE");
        assertThat(f.department()).isEqualTo("HWC");
    }

    @Test
    void theSameEventAlwaysGivesTheSameFactIdsSoAReplayCountsOnce() {
        assertThat(StepFacts.of(step(CaseAction.CLOSE, true, null)))
                .extracting(Fact::id)
                .isEqualTo(StepFacts.of(step(CaseAction.CLOSE, true, null)).stream()
                        .map(Fact::id)
                        .toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aReturnVisitCountsItsSatisfactionAndStepsWithoutAMeasureCountNothing() {
        assertThat(StepFacts.of(step(CaseAction.VISIT, null, Satisfaction.BASICALLY_SATISFIED)))
                .extracting(Fact::measure)
                .containsExactly(Measure.BASICALLY_SATISFIED);
        assertThat(StepFacts.of(step(CaseAction.ACCEPT, null, null))).isEmpty();
        assertThat(StepFacts.of(step(CaseAction.CHECK_FAIL, null, null)))
                .extracting(Fact::measure)
                .containsExactly(Measure.REWORK);
    }

    @Test
    void onlyTheHandlingDeadlinesExpiryIsOverdueAndItIsOpenUntilClosed() {
        CaseDeadlineAlert warning = new CaseDeadlineAlert(
                7L,
                "N",
                ProcessStage.HANDLE,
                "HWC",
                AT,
                false,
                AT,
                CaseChannel.HOTLINE,
                "E09006",
                "320402001001001",
                null,
                null,
                "320402");
        assertThat(StepFacts.of(warning)).isEmpty();
        CaseDeadlineAlert expiry = new CaseDeadlineAlert(
                7L,
                "N",
                ProcessStage.HANDLE,
                "HWC",
                AT,
                true,
                AT,
                CaseChannel.HOTLINE,
                "E09006",
                "320402001001001",
                null,
                null,
                "320402");
        var facts = StepFacts.of(expiry);
        assertThat(facts).extracting(Fact::measure).containsExactly(Measure.OVERDUE, Measure.OVERDUE_OPEN);
        Fact undone = facts.get(1).closedAgain();
        assertThat(undone.delta()).isEqualTo(-1);
        assertThat(undone.day()).isEqualTo(facts.get(1).day());
    }

    static StaffMember staff(DataScope scope, String unit) {
        return new StaffMember(1, "u", "u", Set.of(Role.LEADER), scope, unit, null, null);
    }

    final CaseStats stats = new CaseStats(null, Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void aQuestionOutsideTheCallersAreaIsRefusedAndInsideItIsNarrowed() {
        StaffMember district = staff(DataScope.DISTRICT, "320402");
        assertThatThrownBy(() -> stats.question(district, "category", null, null, "320411", null))
                .isInstanceOf(AccessDeniedToEntityException.class)
                .extracting("field")
                .isEqualTo("area");
        StatsQuery q = stats.question(district, "street,category", null, null, null, null);
        assertThat(q.area()).isEqualTo("320402");
        assertThat(q.groupBy()).containsExactly(Dimension.STREET, Dimension.CATEGORY);
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void badQuestionsNameTheirField() {
        StaffMember city = staff(DataScope.CITY, "320400");
        assertThatThrownBy(() -> stats.question(city, "weather", null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("groupBy");
        assertThatThrownBy(() ->
                        stats.question(city, "day", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1), null, null))
                .extracting("field")
                .isEqualTo("from");
        assertThatThrownBy(() -> stats.question(city, "day", null, null, "32a4", null))
                .extracting("field")
                .isEqualTo("area");
        assertThatThrownBy(() -> stats.question(city, "day,district,category", null, null, null, null))
                .extracting("field")
                .isEqualTo("groupBy");
    }
}
