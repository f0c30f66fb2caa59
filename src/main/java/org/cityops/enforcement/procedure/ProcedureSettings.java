package org.cityops.enforcement.procedure;

import java.math.BigDecimal;

/**
 * The numbers of the procedure. The law fixes most of them (see {@link ClockKind}); the 立案 period and the
 * 听证 fine thresholds (较大数额罚款, set by the province) are configured.
 *
 * @param filingDays             立案期限 from discovery (natural days; configured)
 * @param statementDays          陈述申辩期限 after 告知 (working days, 第八十五条)
 * @param hearingRequestDays     听证申请期限 (5 working days, 第六十四条第一项)
 * @param decisionDays           决定期限 (90 natural days, 第六十条)
 * @param serviceDays            送达期限 (7 working days, 第六十一条)
 * @param paymentDays            缴纳期限 (15 natural days, 第六十七条第三款)
 * @param hearingThresholdPerson 较大数额罚款 for a person (第六十三条第一款第一项)
 * @param hearingThresholdUnit   较大数额罚款 for a unit
 */
public record ProcedureSettings(
        int filingDays,
        int statementDays,
        int hearingRequestDays,
        int decisionDays,
        int serviceDays,
        int paymentDays,
        BigDecimal hearingThresholdPerson,
        BigDecimal hearingThresholdUnit) {

    /** 加处罚款: 每日按罚款数额的百分之三 (第七十二条第一款第一项). */
    public static final BigDecimal LATE_FEE_RATE = new BigDecimal("0.03");

    public static ProcedureSettings defaults() {
        return new ProcedureSettings(15, 3, 5, 90, 7, 15, new BigDecimal("10000"), new BigDecimal("100000"));
    }

    public BigDecimal hearingThreshold(boolean unit) {
        return unit ? hearingThresholdUnit : hearingThresholdPerson;
    }
}
