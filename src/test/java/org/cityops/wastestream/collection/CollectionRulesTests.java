package org.cityops.wastestream.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityops.wastestream.ledger.Container;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerCategory;
import org.junit.jupiter.api.Test;

/** A pickup's checks: who, which bin, which vehicle, how heavy, where. */
class CollectionRulesTests {

    static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");
    static final double LAT = 31.80;
    static final double LON = 119.95;
    static final double METRE_LAT = 1 / 111_195.0; // degrees of latitude per metre

    final Producer producer = new Producer(
            1,
            "91440300708461136T",
            "某餐厅",
            null,
            null,
            LAT,
            LON,
            null,
            "320402",
            ProducerCategory.RESTAURANT,
            "餐饮",
            BigDecimal.TEN,
            "收运公司",
            null,
            null);
    final Producer other = new Producer(
            2,
            "91330100716105852F",
            "某食堂",
            null,
            null,
            LAT,
            LON,
            null,
            "320402",
            ProducerCategory.CANTEEN,
            "单位食堂",
            BigDecimal.TEN,
            "收运公司",
            null,
            null);
    final WasteVehicle truck =
            new WasteVehicle(7, "苏DW001", 2, "13900000001", new BigDecimal("3000"), null, "320402", "ACTIVE");
    final CollectionRules.Ledger ledger = new CollectionRules.Ledger(
            Map.of(producer.creditCode(), producer, other.creditCode(), other),
            Map.of(1L, producer, 2L, other),
            Map.of("T-1", new Container(11, 1, "T-1", 240), "T-2", new Container(12, 2, "T-2", 240)),
            Map.of("苏DW001", truck));
    final CollectionRules rules = new CollectionRules(200);

    CollectionDraft draft(String credit, String tag, String net, Double lat) {
        return new CollectionDraft(
                "D-1",
                credit,
                tag,
                NOW.minusSeconds(600),
                null,
                null,
                net == null ? null : new BigDecimal(net),
                false,
                "苏D·W001",
                "张三",
                null,
                lat,
                lat == null ? null : LON);
    }

    List<String> fields(CollectionDraft d) {
        return rules.problems(d, ledger, NOW).stream()
                .map(CollectionRules.Problem::field)
                .toList();
    }

    @Test
    void a_pickup_250_m_from_its_producer_is_flagged_and_one_150_m_away_is_not() {
        var far = rules.check(draft(producer.creditCode(), "T-1", "120", LAT + 250 * METRE_LAT), ledger);
        var near = rules.check(draft(producer.creditCode(), "T-1", "120", LAT + 150 * METRE_LAT), ledger);
        assertThat(far.far()).isTrue();
        assertThat(far.distanceM()).isBetween(245.0, 255.0);
        assertThat(near.far()).isFalse();
    }

    @Test
    void a_net_weight_above_the_vehicles_rated_load_is_refused_on_netKg() {
        assertThat(fields(draft(producer.creditCode(), null, "3000.01", null))).containsExactly("netKg");
        assertThat(fields(draft(producer.creditCode(), null, "3000", null))).isEmpty();
    }

    @Test
    void a_negative_weight_is_refused() {
        assertThat(fields(draft(producer.creditCode(), null, "-1", null))).containsExactly("netKg");
    }

    @Test
    void net_is_gross_minus_tare_when_not_given() {
        CollectionDraft d = new CollectionDraft(
                "D-2",
                producer.creditCode(),
                null,
                NOW,
                new BigDecimal("12000"),
                new BigDecimal("11880"),
                null,
                false,
                "苏DW001",
                null,
                null,
                null,
                null);
        assertThat(rules.problems(d, ledger, NOW)).isEmpty();
        assertThat(rules.check(d, ledger).netKg()).isEqualByComparingTo("120");
    }

    @Test
    void an_unknown_producer_or_bin_is_refused_naming_the_field() {
        assertThat(fields(draft("91110000802100433B", null, "10", null))).containsExactly("creditCode");
        assertThat(fields(draft(producer.creditCode(), "T-404", "10", null))).containsExactly("containerTag");
    }

    @Test
    void a_bin_of_another_producer_is_refused() {
        assertThat(fields(draft(producer.creditCode(), "T-2", "10", null))).containsExactly("containerTag");
    }

    @Test
    void an_rfid_reading_alone_finds_the_producer_through_the_bin() {
        var c = rules.check(draft(null, "T-2", "10", null), ledger);
        assertThat(c.producer().id()).isEqualTo(2);
    }

    @Test
    void an_unregistered_vehicle_is_refused() {
        CollectionDraft d = new CollectionDraft(
                "D-3",
                producer.creditCode(),
                null,
                NOW,
                null,
                null,
                BigDecimal.ONE,
                false,
                "沪A12345",
                null,
                null,
                null,
                null);
        assertThat(rules.problems(d, ledger, NOW))
                .extracting(CollectionRules.Problem::field)
                .containsExactly("plate");
    }
}
