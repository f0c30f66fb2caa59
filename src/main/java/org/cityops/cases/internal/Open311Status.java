package org.cityops.cases.internal;

import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseStatus;

/**
 * Our lifecycle as Open311 shows it with {@code extensions=true} and in the updates feed: FixMyStreet's extended
 * statuses (lower case), and a fixed public sentence per step. The table is documented in docs/cases.md.
 * {@code for_triage} is never used (FixMyStreet hides such reports), nor {@code not_councils_responsibility}
 * (作废 also covers false reports and duplicates, so "not responsible" would mislead).
 */
public final class Open311Status {

    private Open311Status() {}

    /** FixMyStreet's extended status for a case status. */
    public static String extended(CaseStatus status) {
        return switch (status) {
            case PENDING_VERIFY, PENDING_FILE -> "investigating";
            case FILED, DISPATCHED, SUSPENDED -> "action_scheduled";
            case ACCEPTED, EXTENSION_REQUESTED, SUSPEND_REQUESTED, HANDLED, CHECKED -> "in_progress";
            case CLOSED, VISITED -> "fixed";
            case REJECTED -> "no_further_action";
            case MERGED -> "duplicate";
        };
    }

    /**
     * The public text of a step: the action and the status it led to, in Chinese and English. Staff notes and
     * reasons are never used (free text that may name or quote people).
     */
    public static String describe(String action, CaseStatus to) {
        String done = CaseViews.label(action);
        return done + "，" + to.label() + " " + english(action, to);
    }

    private static String english(String action, CaseStatus to) {
        CaseAction a;
        try {
            a = CaseAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            return to.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return switch (a) {
            case VERIFY -> "verified on site, awaiting filing";
            case FILE -> "filed, awaiting dispatch";
            case REJECT -> "not taken up (not a city-management matter, not confirmed or already reported)";
            case MERGE -> "merged into an earlier report of the same problem";
            case DISPATCH -> "dispatched to the responsible department";
            case ACCEPT -> "accepted by the department, being handled";
            case RETURN -> "returned by the department, to be dispatched again";
            case REQUEST_EXTENSION -> "the department asked for more time";
            case APPROVE_EXTENSION -> "more time granted, being handled";
            case DENY_EXTENSION -> "no more time granted, being handled";
            case REQUEST_SUSPEND -> "the department asked to postpone the case";
            case SUSPEND -> "postponed (season or major works)";
            case REFUSE_SUSPEND -> "not postponed, being handled";
            case ASSIGN_INSPECTOR -> "an inspector was assigned";
            case RESUME -> "resumed, being handled";
            case REPORT_HANDLED -> "handled, awaiting an on-site check";
            case CHECK_PASS -> "checked on site, awaiting closure";
            case CHECK_FAIL -> "check failed, being handled again";
            case CLOSE -> "closed: fixed";
            case VISIT -> to == CaseStatus.VISITED ? "return visit done" : "reopened after the return visit";
            case SUPERVISE -> "pressed by a leader";
        };
    }
}
