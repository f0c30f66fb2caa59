package org.cityops.wastestream.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trips are cut at weighbridge visits and balanced against the receipt, within a tolerance. */
class TripRulesTests {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    final TripRules rules = new TripRules(0.10);

    static Pickup pickup(long id, int minute, String kg) {
        return new Pickup(id, "苏DW001", T0.plusSeconds(60L * minute), new BigDecimal(kg), id, false);
    }

    static WeighbridgeReceipt receipt(String no, int minute, String net) {
        BigDecimal n = new BigDecimal(net);
        BigDecimal tare = new BigDecimal("9000");
        return new WeighbridgeReceipt(
                no, "苏DW001", T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 300), tare.add(n), tare, n);
    }

    @Test
    void a_receipt_closes_the_pickups_since_the_previous_visit() {
        List<Trip> trips = rules.trips(
                "苏DW001",
                List.of(pickup(1, 10, "500"), pickup(2, 20, "700"), pickup(3, 130, "300"), pickup(4, 140, "300")),
                List.of(receipt("R1", 60, "1210"), receipt("R2", 180, "590")),
                T0);
        assertThat(trips).hasSize(2);
        assertThat(trips.get(0).pickups()).isEqualTo(2);
        assertThat(trips.get(0).collectedKg()).isEqualByComparingTo("1200");
        assertThat(trips.get(0).status()).isEqualTo(TripStatus.BALANCED);
        assertThat(trips.get(1).pickups()).isEqualTo(2);
        assertThat(trips.get(1).gapKg()).isEqualByComparingTo("-10");
    }

    @Test
    void a_trip_that_weighs_far_less_than_was_collected_is_flagged_short() {
        // 偷倒 on the way: 2,000 kg collected, 1,500 kg reach the plant (25 % short)
        List<Trip> trips = rules.trips(
                "苏DW001",
                List.of(pickup(1, 10, "1000"), pickup(2, 20, "1000")),
                List.of(receipt("R1", 60, "1500")),
                T0);
        assertThat(trips.get(0).status()).isEqualTo(TripStatus.SHORT);
        assertThat(trips.get(0).status().flagged()).isTrue();
        assertThat(trips.get(0).deviation()).isLessThan(-0.10);
    }

    @Test
    void a_trip_that_weighs_more_than_was_collected_is_flagged_excess() {
        List<Trip> trips = rules.trips("苏DW001", List.of(pickup(1, 10, "800")), List.of(receipt("R1", 60, "1200")), T0);
        assertThat(trips.get(0).status()).isEqualTo(TripStatus.EXCESS);
    }

    @Test
    void a_gap_exactly_at_the_tolerance_is_balanced() {
        List<Trip> trips = rules.trips("苏DW001", List.of(pickup(1, 10, "900")), List.of(receipt("R1", 60, "1000")), T0);
        assertThat(trips.get(0).status()).isEqualTo(TripStatus.BALANCED);
    }

    @Test
    void pickups_after_the_last_visit_are_an_open_trip() {
        List<Trip> trips = rules.trips(
                "苏DW001", List.of(pickup(1, 10, "400"), pickup(2, 90, "250")), List.of(receipt("R1", 60, "400")), T0);
        assertThat(trips).extracting(Trip::status).containsExactly(TripStatus.BALANCED, TripStatus.OPEN);
        assertThat(trips.get(1).collectedKg()).isEqualByComparingTo("250");
        assertThat(trips.get(1).weighedKg()).isNull();
    }

    @Test
    void receipts_before_the_period_only_bound_the_first_trip() {
        List<Trip> trips = rules.trips(
                "苏DW001",
                List.of(pickup(1, 10, "400"), pickup(2, 70, "300")),
                List.of(receipt("R0", 60, "400"), receipt("R1", 120, "300")),
                T0.plusSeconds(3600 + 60));
        assertThat(trips).hasSize(1);
        assertThat(trips.get(0).receiptNo()).isEqualTo("R1");
        assertThat(trips.get(0).pickups()).isEqualTo(1);
    }
}
