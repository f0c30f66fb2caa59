package org.cityops.wastestream.bulky;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BookingRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    final BookingRules rules = new BookingRules(14);

    @Test
    void a_complete_booking_for_tomorrow_has_no_problem() {
        assertThat(rules.problems("某路1号", "沙发1张", "13812345678", TODAY.plusDays(1), "AM", TODAY))
                .isEmpty();
    }

    @Test
    void today_and_beyond_the_horizon_cannot_be_booked() {
        assertThat(rules.problems("a", "b", "13812345678", TODAY, "AM", TODAY))
                .extracting(BookingRules.Problem::field)
                .containsExactly("day");
        assertThat(rules.problems("a", "b", "13812345678", TODAY.plusDays(15), "PM", TODAY))
                .extracting(BookingRules.Problem::field)
                .containsExactly("day");
        assertThat(rules.problems("a", "b", "13812345678", TODAY.plusDays(14), "PM", TODAY))
                .isEmpty();
    }

    @Test
    void every_missing_field_is_named() {
        assertThat(rules.problems(" ", null, "12345", null, "NOON", TODAY))
                .extracting(BookingRules.Problem::field)
                .containsExactly("address", "items", "phone", "day", "slot");
    }

    @Test
    void a_mobile_or_landline_number_is_accepted_and_normalised() {
        assertThat(BookingRules.normalizePhone("+86 138 1234 5678")).isEqualTo("13812345678");
        assertThat(BookingRules.normalizePhone("0519-88123456")).isEqualTo("051988123456");
        assertThat(BookingRules.normalizePhone("12812345678")).isNull();
    }

    @Test
    void a_phone_is_masked_to_its_first_three_and_last_four_digits() {
        assertThat(BookingRules.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(BookingRules.maskPhone("051988123456")).isEqualTo("051*****3456");
        assertThat(BookingRules.maskPhone("1234")).isEqualTo("****");
    }

    @Test
    void a_slot_is_full_when_its_active_bookings_reach_the_centre_limit() {
        assertThat(BookingRules.fits(9, 10)).isTrue();
        assertThat(BookingRules.fits(10, 10)).isFalse();
    }

    @Test
    void throughput_above_the_daily_capacity_is_over_capacity() {
        assertThat(BookingRules.overCapacity(new BigDecimal("5000"), new BigDecimal("5")))
                .isFalse();
        assertThat(BookingRules.overCapacity(new BigDecimal("5000.01"), new BigDecimal("5")))
                .isTrue();
        assertThat(BookingRules.utilisationPercent(new BigDecimal("4200"), new BigDecimal("5")))
                .isEqualByComparingTo("84.0");
        assertThat(BookingRules.tonnes(new BigDecimal("4215"))).isEqualByComparingTo("4.22");
    }
}
