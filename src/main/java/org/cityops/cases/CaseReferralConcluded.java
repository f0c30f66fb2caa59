package org.cityops.cases;

import java.time.LocalDate;

/**
 * The proceeding a 12319 case was referred to ({@link CaseReferred}) ended. Published by the referring module in
 * the transaction of its ending step; the cases module records the result on the 12319 case, which then proceeds
 * to 核查 and 结案.
 *
 * @param referralId     the receiving record's id, as in {@link CaseReferred}
 * @param referralNumber the receiving record's number
 * @param caseNumber     the 12319 case's number
 * @param outcome        the final stage's code (for enforcement: CLOSED, NOT_PUNISHED, WITHDRAWN, TRANSFERRED)
 * @param outcomeLabel   the final stage in Chinese (已结案, 不予处罚, 已撤案, 已移送)
 * @param result         what was decided, one line
 * @param on             the day of the ending step (city calendar)
 */
public record CaseReferralConcluded(
        long referralId,
        String referralNumber,
        String caseNumber,
        String outcome,
        String outcomeLabel,
        String result,
        LocalDate on) {}
