package org.cityops.enforcement;

/**
 * An enforcement case (行政处罚案件) was opened from a 12319 case (案件移送). Published in the transaction that opens
 * it; the cases module links the 12319 case to it and makes it wait for the result.
 *
 * @param enforcementCaseId the enforcement case's id (its page: {@code /enforcement/cases/{id}})
 * @param enforcementNumber the enforcement case's number
 * @param sourceCaseNumber  the 12319 case's number, as the officer entered it
 * @param itemName          the violation item (违法行为)
 * @param handler           the officer (承办人) who opened it, account name
 */
public record EnforcementCaseOpened(
        long enforcementCaseId, String enforcementNumber, String sourceCaseNumber, String itemName, String handler) {}
