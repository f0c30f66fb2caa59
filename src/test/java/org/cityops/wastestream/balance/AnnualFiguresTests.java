package org.cityops.wastestream.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The seed's convention: calendar days of the period, both ends included. */
class AnnualFiguresTests {

    @Test
    void january_to_november_2019_is_334_days_and_the_seed_total_gives_its_daily_mean() {
        AnnualFigures f = new AnnualFigures(
                LocalDate.of(2019, 1, 1), LocalDate.of(2019, 11, 30), 3617, 0, new BigDecimal("103491.86"));
        assertThat(f.days()).isEqualTo(334);
        assertThat(f.tonnesPerDay()).isEqualByComparingTo("309.86");
    }

    @Test
    void kilograms_are_reported_in_tonnes_to_two_decimals() {
        assertThat(AnnualFigures.tonnesOf(new BigDecimal("103491860.00"))).isEqualByComparingTo("103491.86");
    }
}
