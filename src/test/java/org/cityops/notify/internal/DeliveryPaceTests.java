package org.cityops.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryPaceTests {

    private final DeliveryPace fiveHundredASecond = new DeliveryPace(500);

    @Test
    void a_fast_round_waits_until_it_has_taken_what_its_notices_are_allowed() {
        // 200 notices at 500 a second may not go out in less than 400 ms
        assertThat(fiveHundredASecond.pauseMillis(200, 100)).isEqualTo(300);
        assertThat(fiveHundredASecond.pauseMillis(200, 0)).isEqualTo(400);
    }

    @Test
    void a_round_slower_than_the_cap_does_not_wait() {
        assertThat(fiveHundredASecond.pauseMillis(200, 400)).isZero();
        assertThat(fiveHundredASecond.pauseMillis(200, 2_000)).isZero();
    }

    @Test
    void an_empty_round_does_not_wait() {
        assertThat(fiveHundredASecond.pauseMillis(0, 0)).isZero();
    }

    @Test
    void without_a_cap_nothing_waits() {
        assertThat(new DeliveryPace(0).pauseMillis(10_000, 0)).isZero();
    }

    @Test
    void ten_thousand_notices_at_the_default_cap_take_twenty_seconds_of_rounds() {
        long least = 0;
        for (int round = 0; round < 50; round++) {
            least += fiveHundredASecond.pauseMillis(200, 0);
        }
        assertThat(least).isEqualTo(20_000);
    }

    @Test
    void a_negative_cap_is_refused_at_start_up() {
        assertThatThrownBy(() -> new DeliveryPace(-1)).hasMessageContaining("max-per-second");
    }
}
