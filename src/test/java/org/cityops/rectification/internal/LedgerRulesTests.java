package org.cityops.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityops.rectification.MeasureStatus.COMPLETED;
import static org.cityops.rectification.MeasureStatus.IN_PROGRESS;
import static org.cityops.rectification.MeasureStatus.NOT_STARTED;

import java.time.LocalDate;
import java.util.List;
import org.cityops.rectification.ProblemStatus;
import org.junit.jupiter.api.Test;

class LedgerRulesTests {

    @Test
    void aProblemsStatusIsDerivedFromItsMeasures() {
        assertThat(ProblemStatusRule.derive(List.of())).isEqualTo(ProblemStatus.NOT_STARTED);
        assertThat(ProblemStatusRule.derive(List.of(NOT_STARTED, NOT_STARTED))).isEqualTo(ProblemStatus.NOT_STARTED);
        assertThat(ProblemStatusRule.derive(List.of(NOT_STARTED, IN_PROGRESS)))
                .isEqualTo(ProblemStatus.INITIAL_PROGRESS);
        assertThat(ProblemStatusRule.derive(List.of(COMPLETED, NOT_STARTED, IN_PROGRESS)))
                .isEqualTo(ProblemStatus.INITIAL_PROGRESS);
        assertThat(ProblemStatusRule.derive(List.of(COMPLETED, IN_PROGRESS)))
                .isEqualTo(ProblemStatus.SIGNIFICANT_PROGRESS);
        assertThat(ProblemStatusRule.derive(List.of(COMPLETED, COMPLETED, NOT_STARTED)))
                .isEqualTo(ProblemStatus.SIGNIFICANT_PROGRESS);
        assertThat(ProblemStatusRule.derive(List.of(COMPLETED, COMPLETED))).isEqualTo(ProblemStatus.RECTIFIED);
    }

    @Test
    void deadlinesAreReadAsPeopleWriteThem() {
        assertThat(Deadlines.parse("2019-12-31").date()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(Deadlines.parse("2019/1/5").date()).isEqualTo(LocalDate.of(2019, 1, 5));
        assertThat(Deadlines.parse("2019年12月31日").date()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(Deadlines.parse("2020年2月底").date()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(Deadlines.parse("2021年底").date()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(Deadlines.parse("长期坚持").longTerm()).isTrue();
        assertThat(Deadlines.parse("").date()).isNull();
        assertThatThrownBy(() -> Deadlines.parse("2019-02-30")).hasMessageContaining("no such date");
        assertThatThrownBy(() -> Deadlines.parse("下个月")).hasMessageContaining("cannot read date");
    }

    @Test
    void categoryNumbersAreChineseNumerals() {
        assertThat(ChineseNumerals.of(1)).isEqualTo("一");
        assertThat(ChineseNumerals.of(8)).isEqualTo("八");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.of(23)).isEqualTo("二十三");
        for (int i = 1; i < 100; i++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.of(i))).isEqualTo(i);
        }
        assertThat(ChineseNumerals.parse("甲")).isEqualTo(-1);
    }

    @Test
    void departmentNamesMatchWithOrWithoutTheCityPrefix() {
        var m = new DepartmentMatcher(List.of(new org.cityops.org.DepartmentView(
                7, "HWC", "市环卫处", org.cityops.org.DepartmentKind.PROFESSIONAL, null)));
        assertThat(m.match("环卫处")).isPresent();
        assertThat(m.match("常州市环卫处")).isPresent();
        assertThat(m.match("HWC")).isPresent();
        assertThat(m.match("办公室")).isEmpty();
    }
}
