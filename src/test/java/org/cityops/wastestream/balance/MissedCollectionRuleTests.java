package org.cityops.wastestream.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerCategory;
import org.junit.jupiter.api.Test;

/** 漏收: N days without a pickup (per category), counted from the last pickup or the contract's start. */
class MissedCollectionRuleTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    final MissedCollectionRule rule = new MissedCollectionRule(2, Map.of(ProducerCategory.MARKET, 1));

    static Producer producer(long id, ProducerCategory c, LocalDate from) {
        return new Producer(
                id,
                "X",
                "单位" + id,
                null,
                null,
                31.8,
                119.9,
                null,
                "320402",
                c,
                c.label(),
                BigDecimal.TEN,
                "收运公司",
                from,
                from.plusYears(1));
    }

    @Test
    void a_restaurant_collected_yesterday_is_not_missed_but_one_collected_two_days_ago_is() {
        Producer a = producer(1, ProducerCategory.RESTAURANT, DAY.minusMonths(1));
        Producer b = producer(2, ProducerCategory.RESTAURANT, DAY.minusMonths(1));
        var missed = rule.missed(List.of(a, b), Map.of(1L, DAY.minusDays(1), 2L, DAY.minusDays(2)), DAY);
        assertThat(missed).extracting(m -> m.producer().id()).containsExactly(2L);
        assertThat(missed.get(0).daysWithout()).isEqualTo(2);
    }

    @Test
    void a_market_is_missed_after_one_day_by_its_category_setting() {
        Producer m = producer(3, ProducerCategory.MARKET, DAY.minusMonths(1));
        assertThat(rule.missed(List.of(m), Map.of(3L, DAY.minusDays(1)), DAY)).hasSize(1);
        assertThat(rule.missed(List.of(m), Map.of(3L, DAY), DAY)).isEmpty();
    }

    @Test
    void a_producer_never_collected_counts_from_its_contract_start() {
        Producer fresh = producer(4, ProducerCategory.CANTEEN, DAY);
        Producer older = producer(5, ProducerCategory.CANTEEN, DAY.minusDays(1));
        assertThat(rule.missed(List.of(fresh, older), Map.of(), DAY))
                .extracting(m -> m.producer().id())
                .containsExactly(5L);
    }
}
