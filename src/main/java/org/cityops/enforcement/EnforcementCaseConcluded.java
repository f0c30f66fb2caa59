package org.cityops.enforcement;

import java.time.LocalDate;

/**
 * An enforcement case transferred from a 12319 case ended: 结案 {@code CLOSED}, 不予处罚 {@code NOT_PUNISHED},
 * 撤案 {@code WITHDRAWN} or 移送 {@code TRANSFERRED}. Published in the transaction of the ending step; the cases
 * module records the result on the 12319 case, which then proceeds to 核查 and 结案.
 *
 * @param outcome      the final stage's code
 * @param outcomeLabel the final stage in Chinese (已结案, 不予处罚, 已撤案, 已移送)
 * @param result       what was decided, one line (违法行为, 档次, 罚款, 缴纳, the ending step's note)
 * @param on           the day of the ending step (city calendar)
 */
public record EnforcementCaseConcluded(
        long enforcementCaseId,
        String enforcementNumber,
        String sourceCaseNumber,
        String outcome,
        String outcomeLabel,
        String result,
        LocalDate on) {}
