package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.internal.model.Composite;
import org.cityops.assessment.internal.model.Counters;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.Ranking;
import org.cityops.assessment.internal.model.ScoringConfig;
import org.cityops.assessment.internal.model.ScoringConfig.Band;
import org.cityops.assessment.internal.model.ScoringConfig.Method;
import org.cityops.assessment.internal.model.ScoringConfig.Term;
import org.cityops.assessment.internal.model.Source;
import org.cityops.assessment.internal.model.SourceBlend;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The pure scoring rules: no Spring, no database. */
class ScoringRulesTests {

    @Test
    void anUndefinedRateIsLeftOutOfTheCompositeAndTheOtherWeightsRenormalised() {
        List<Term> terms = List.of(new Term("a", 40, Method.RATE, null), new Term("b", 60, Method.RATE, null));
        Map<String, Double> values = new HashMap<>();
        values.put("a", 0.5);
        values.put("b", null);
        assertThat(Composite.of(terms, values).value()).isEqualTo(50.0);
        values.put("a", null);
        assertThat(Composite.of(terms, values).value()).isNull();
    }

    @Test
    void inverseRatesAndBandsScoreAsTheReferenceSays() {
        assertThat(Composite.termScore(new Term("x", 1, Method.INVERSE_RATE, null), 0.25))
                .isEqualTo(75.0);
        List<Band> accepted = ScoringConfig.defaults()
                .composite()
                .get(SubjectType.OPERATOR)
                .get(0)
                .bands();
        Term t = new Term("accepted", 25, Method.BAND, accepted);
        assertThat(Composite.termScore(t, 100.0)).isEqualTo(0.0);
        assertThat(Composite.termScore(t, 101.0)).isEqualTo(40.0);
        assertThat(Composite.termScore(t, 2000.0)).isEqualTo(90.0);
        assertThat(Composite.termScore(t, 2001.0)).isEqualTo(100.0);
        Term dept =
                ScoringConfig.defaults().composite().get(SubjectType.DEPARTMENT).get(0);
        assertThat(Composite.termScore(dept, 50.0)).isEqualTo(100.0);
        assertThat(Composite.termScore(dept, 1001.0)).isEqualTo(0.0);
    }

    @Test
    void gradesFollowTheThresholds() {
        var g = ScoringConfig.defaults().grades();
        assertThat(g.of(90.0)).isEqualTo("A");
        assertThat(g.of(89.99)).isEqualTo("B");
        assertThat(g.of(75.0)).isEqualTo("B");
        assertThat(g.of(60.0)).isEqualTo("C");
        assertThat(g.of(40.0)).isEqualTo("D");
        assertThat(g.of(39.99)).isEqualTo("E");
        assertThat(g.of(null)).isNull();
    }

    @Test
    void tiesShareARankAndTheNextRankIsSkipped() {
        Map<String, Double> s = new HashMap<>();
        s.put("a", 90.0);
        s.put("b", 95.0);
        s.put("c", 90.0);
        s.put("d", 80.0);
        s.put("e", null);
        assertThat(Ranking.rank(s))
                .containsEntry("b", 1)
                .containsEntry("a", 2)
                .containsEntry("c", 2)
                .containsEntry("d", 4)
                .doesNotContainKey("e");
    }

    @Test
    void theTotalBlendsOnlyTheSourcesThatHaveAScore() {
        Map<Source, Double> w = new EnumMap<>(Source.class);
        w.put(Source.PUBLIC, 20.0);
        w.put(Source.THIRD_PARTY, 20.0);
        w.put(Source.SUPERVISION, 40.0);
        w.put(Source.DEPARTMENT, 10.0);
        w.put(Source.DISTRICT, 10.0);
        Map<Source, Double> s = new EnumMap<>(Source.class);
        s.put(Source.SUPERVISION, 80.0);
        s.put(Source.PUBLIC, 50.0);
        s.put(Source.THIRD_PARTY, null);
        assertThat(SourceBlend.total(w, s)).isEqualTo(70.0); // (40×80 + 20×50) / 60
        assertThat(SourceBlend.supervision(10.0, 12.5)).isEqualTo(0.0);
        assertThat(SourceBlend.supervision(null, 1)).isNull();
    }

    @Test
    void theDefaultWeightsOfEverySubjectTypeSumToAHundred() {
        ScoringConfig.defaults().validate();
    }

    @Test
    void weightsThatDoNotSumToAHundredAreRefused() {
        var d = ScoringConfig.defaults();
        var composite = new EnumMap<>(d.composite());
        composite.put(
                SubjectType.DISTRICT,
                List.of(
                        new Term("closeRate", 30, Method.RATE, null),
                        new Term("closeByDeadlineRate", 10, Method.RATE, null)));
        assertThatThrownBy(() -> new ScoringConfig(composite, d.grades(), d.options()).validate())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("100");
    }

    @Test
    void accurateDispatchCanBeCountedAgainstReworkInsteadOfReturns() {
        Counters c = new Counters();
        c.add("dispatched", 10);
        c.add("dispatchReturned", 1);
        c.add("dispatchReworked", 3);
        assertThat(Indicators.values(SubjectType.DISPATCHER, Indicators.Options.defaults(), c)
                        .get("dispatchAccuracyRate"))
                .isEqualTo(0.9);
        assertThat(Indicators.values(SubjectType.DISPATCHER, new Indicators.Options("REWORK", "HANDLED"), c)
                        .get("dispatchAccuracyRate"))
                .isEqualTo(0.7);
    }
}
