package org.cityops.opinion.web;

/**
 * Who may use the 舆情 pages and API: duty officers (值班长, 受理员), administrators and leaders see every item;
 * handlers (处置人员) see and answer the items forwarded to their department. What each may do is decided by the
 * services ({@code OpinionAccess}, {@code TriagePolicy}, {@code DutyRoster.mayPlan}).
 */
final class OpinionRoles {

    static final String READ = "hasAnyRole('ADMIN','SHIFT_LEADER','OPERATOR','LEADER','HANDLER')";
    static final String DUTY = "hasAnyRole('ADMIN','SHIFT_LEADER','OPERATOR','LEADER')";
    static final String OFFICER = "hasAnyRole('ADMIN','SHIFT_LEADER','OPERATOR')";

    private OpinionRoles() {}
}
