package org.cityops.wastestream.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CollectionStateTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final LocalDate CONTRACT = LocalDate.of(2026, 1, 1);

    @Test
    void a_producer_without_a_contract_in_force_is_unsigned_whatever_its_pickups() {
        assertThat(CollectionState.of(false, DAY, CONTRACT, DAY, 2)).isEqualTo(CollectionState.UNSIGNED);
    }

    @Test
    void a_pickup_on_the_day_is_today() {
        assertThat(CollectionState.of(true, DAY, CONTRACT, DAY, 2)).isEqualTo(CollectionState.TODAY);
    }

    @Test
    void a_pickup_yesterday_with_two_missed_days_is_recent() {
        assertThat(CollectionState.of(true, DAY.minusDays(1), CONTRACT, DAY, 2)).isEqualTo(CollectionState.RECENT);
    }

    @Test
    void no_pickup_for_the_categorys_days_is_missed_as_the_missed_rule_counts_it() {
        assertThat(CollectionState.of(true, DAY.minusDays(2), CONTRACT, DAY, 2)).isEqualTo(CollectionState.MISSED);
        assertThat(CollectionState.of(true, DAY.minusDays(2), CONTRACT, DAY, 3)).isEqualTo(CollectionState.RECENT);
    }

    @Test
    void a_producer_never_collected_counts_from_its_contracts_first_day() {
        assertThat(CollectionState.of(true, null, DAY, DAY, 2)).isEqualTo(CollectionState.RECENT);
        assertThat(CollectionState.of(true, null, DAY.minusDays(1), DAY, 2)).isEqualTo(CollectionState.MISSED);
    }
}
