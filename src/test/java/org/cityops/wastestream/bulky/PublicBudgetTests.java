package org.cityops.wastestream.bulky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublicBudgetTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void an_address_over_its_limit_is_refused_until_its_oldest_request_leaves_the_window() {
        PublicBudget b = new PublicBudget(2, Duration.ofHours(1), clock, 100);
        assertThat(b.take("1.2.3.4")).isZero();
        now.set(now.get().plusSeconds(600));
        assertThat(b.take("1.2.3.4")).isZero();
        Duration wait = b.take("1.2.3.4");
        assertThat(wait)
                .isGreaterThan(Duration.ofMinutes(49))
                .isLessThanOrEqualTo(Duration.ofMinutes(50).plusSeconds(1));
        assertThat(b.take("5.6.7.8")).as("another address has its own budget").isZero();
        now.set(now.get().plus(wait));
        assertThat(b.take("1.2.3.4")).isZero();
    }

    @Test
    void when_every_tracked_address_is_active_a_new_one_is_refused() {
        PublicBudget b = new PublicBudget(1, Duration.ofHours(1), clock, 2);
        b.take("a");
        b.take("b");
        assertThat(b.take("c")).isPositive();
        now.set(now.get().plus(Duration.ofHours(2)));
        assertThat(b.take("c")).isZero();
    }
}
