package org.cityops.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestBudgetTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-27T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyGetsItsCapacityAtOnceAndIsThenToldHowLongToWait() {
        HandClock clock = new HandClock();
        RequestBudget budget = new RequestBudget(5, Duration.ofHours(1), clock, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.take("1.2.3.4")).isZero();
        }
        // one request comes back every 12 minutes
        assertThat(budget.take("1.2.3.4")).isEqualTo(Duration.ofMinutes(12));
        assertThat(budget.take("5.6.7.8")).isZero();
    }

    @Test
    void theBudgetRefillsEvenlyOverThePeriodAndNeverAboveCapacity() {
        HandClock clock = new HandClock();
        RequestBudget budget = new RequestBudget(5, Duration.ofHours(1), clock, 100);
        for (int i = 0; i < 5; i++) {
            budget.take("k");
        }
        clock.advance(Duration.ofMinutes(6));
        assertThat(budget.take("k")).isEqualTo(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(6));
        assertThat(budget.take("k")).isZero();
        assertThat(budget.take("k")).isPositive();
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            assertThat(budget.take("k")).isZero();
        }
        assertThat(budget.take("k")).isPositive();
    }

    @Test
    void refusedRequestsDoNotPushTheWaitFurther() {
        HandClock clock = new HandClock();
        RequestBudget budget = new RequestBudget(1, Duration.ofMinutes(10), clock, 100);
        budget.take("k");
        for (int i = 0; i < 50; i++) {
            budget.take("k");
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(budget.take("k")).isZero();
    }

    @Test
    void aFullTableDropsRefilledKeysAndRefusesNewKeysWhileEveryTrackedKeyIsActive() {
        HandClock clock = new HandClock();
        RequestBudget budget = new RequestBudget(2, Duration.ofMinutes(10), clock, 3);
        budget.take("a");
        budget.take("b");
        budget.take("c");
        assertThat(budget.take("d")).isPositive();
        assertThat(budget.tracked()).isEqualTo(3);
        assertThat(budget.take("a")).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(budget.take("d")).isZero();
        assertThat(budget.tracked()).isEqualTo(2);
    }
}
