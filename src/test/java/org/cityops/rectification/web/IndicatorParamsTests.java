package org.cityops.rectification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cityops.platform.InvalidInputException;
import org.cityops.rectification.internal.IndicatorRegistry;
import org.junit.jupiter.api.Test;

class IndicatorParamsTests {

    @Test
    void onlyTheChosenIndicatorsFilledFieldsAreJoinedAndReadBack() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", "cases.count-by-category");
        form.put("p.cases.count-by-category.category", " 30428:E:01 ");
        form.put("p.cases.count-by-category.area", "");
        form.put("p.cases.count-by-category.from", "2026-01-01");
        form.put("p.ledger.status.status", "RECTIFIED");
        String joined = IndicatorParams.join("cases.count-by-category", form);
        assertThat(joined).isEqualTo("category=30428:E:01;from=2026-01-01");
        assertThat(IndicatorRegistry.parse(joined))
                .containsExactly(Map.entry("category", "30428:E:01"), Map.entry("from", "2026-01-01"));
    }

    @Test
    void noIndicatorOrNoFilledFieldGivesNoParameters() {
        assertThat(IndicatorParams.join(null, Map.of("p.x.a", "1"))).isNull();
        assertThat(IndicatorParams.join("x", Map.of("p.x.a", " "))).isNull();
    }

    @Test
    void aValueThatWouldReadBackAsAnotherParameterIsRefusedNamingIt() {
        assertThatThrownBy(() -> IndicatorParams.join("x", Map.of("p.x.text", "a=b")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text");
    }
}
