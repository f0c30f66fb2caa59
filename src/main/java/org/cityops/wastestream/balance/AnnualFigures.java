package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period's kitchen-waste figures as the bureau reports them (共收运餐厨废弃物 … 吨, 日均 … 吨): the net weight
 * of every pickup whose city day lies in [from, to], and the daily mean over the period's calendar days, both
 * ends included (kitchen waste is collected every day, weekends and holidays too). 2019-01-01 … 2019-11-30 is 334
 * days: 103,491.86 t ÷ 334 = 309.86 t.
 */
public record AnnualFigures(LocalDate from, LocalDate to, long producers, long pickups, BigDecimal tonnes) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** 日均 (t/day), to 2 decimals, half up. */
    public BigDecimal tonnesPerDay() {
        return tonnes.divide(BigDecimal.valueOf(days()), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal tonnesOf(BigDecimal kg) {
        return kg.divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
    }
}
