package org.cityops.wastestream.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.cityops.wastestream.balance.Trip;

/**
 * 餐厨废弃物收运监管月报: a month's figures as the records give them. Tonnes = Σ net of the pickups on the month's
 * city days; 日均 over the calendar days of the month; 日产日清率 of the month = Σ over its days of signed producers
 * collected that day ÷ Σ of signed producers that day (producer-days).
 */
public record MonthlyWasteReport(
        YearMonth month,
        String areaName,
        long signedProducers,
        long pickups,
        long estimatedPickups,
        long farPickups,
        BigDecimal tonnes,
        List<DistrictMonth> districts,
        long balancedTrips,
        long shortTrips,
        long excessTrips,
        long openTrips,
        List<Trip> flaggedTrips,
        long missedAtMonthEnd) {

    public LocalDate from() {
        return month.atDay(1);
    }

    public LocalDate to() {
        return month.atEndOfMonth();
    }

    public int days() {
        return month.lengthOfMonth();
    }

    public BigDecimal tonnesPerDay() {
        return tonnes.divide(BigDecimal.valueOf(days()), 2, RoundingMode.HALF_UP);
    }

    public long closedTrips() {
        return balancedTrips + shortTrips + excessTrips;
    }

    /** One district's month. */
    public record DistrictMonth(
            String districtCode,
            String districtName,
            long signedProducers,
            long pickups,
            BigDecimal tonnes,
            long signedProducerDays,
            long clearedProducerDays) {

        /** 日产日清率 of the month (producer-days), null with no signed producer-day. */
        public Double clearanceRate() {
            return signedProducerDays == 0 ? null : (double) clearedProducerDays / signedProducerDays;
        }
    }
}
