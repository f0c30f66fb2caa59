package org.cityops.enforcement.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 加处罚款 (《行政处罚法》第七十二条第一款第一项): 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得
 * 超出罚款的数额. Days are counted from the day after the payment period's last day up to and including the day
 * of payment (or the reading day).
 */
public final class LateFee {

    private LateFee() {}

    public static long overdueDays(LocalDate lastDay, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(lastDay, asOf));
    }

    public static BigDecimal of(BigDecimal fine, LocalDate lastDay, LocalDate asOf) {
        if (fine == null || fine.signum() <= 0 || lastDay == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal fee =
                fine.multiply(ProcedureSettings.LATE_FEE_RATE).multiply(BigDecimal.valueOf(overdueDays(lastDay, asOf)));
        return fee.min(fine).setScale(2, RoundingMode.HALF_UP);
    }
}
