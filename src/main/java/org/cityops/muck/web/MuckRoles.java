package org.cityops.muck.web;

/**
 * Who may use the construction-waste supervision: the supervisors (and administrators) do everything; a bureau
 * leader (领导) may open the live map and the alarm list read-only (issue 14), every write stays refused.
 */
final class MuckRoles {

    static final String SUPERVISORS = "hasAnyRole('ADMIN','MUCK_SUPERVISOR')";

    /** The map, the alarm list and the registry lists the map draws. */
    static final String READERS = "hasAnyRole('ADMIN','MUCK_SUPERVISOR','LEADER')";

    private MuckRoles() {}
}
