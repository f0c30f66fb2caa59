package org.cityops.cases;

/**
 * A 12319 case was referred to another module's proceeding (e.g. 案件移送执法: an enforcement case opened from it).
 * Published by the module that took the case over, in the transaction that opens its own record; the cases module
 * links the 12319 case to it and makes it wait for the result ({@link CaseReferralConcluded}). Owned by cases so
 * that cases depends on no module that refers to it.
 *
 * @param caseNumber     the 12319 case's number, as entered by the referring side
 * @param referralId     the receiving record's id (for enforcement its page is {@code /enforcement/cases/{id}})
 * @param referralNumber the receiving record's number (e.g. the enforcement case number)
 * @param subject        what it is about, one line (e.g. the violation item, 违法行为)
 * @param handler        the account that took it over (承办人)
 */
public record CaseReferred(String caseNumber, long referralId, String referralNumber, String subject, String handler) {}
