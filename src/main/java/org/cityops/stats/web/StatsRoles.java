package org.cityops.stats.web;

/** Role expressions of the statistics and command-centre controllers. */
final class StatsRoles {

    /** Who may read the statistics (each inside their own data scope). */
    static final String READERS =
            "hasAnyRole('ADMIN','LEADER','SHIFT_LEADER','DISPATCHER','OPERATOR','ASSESSOR','HANDLER')";

    /** Who may open the command-centre wallboard. */
    static final String WALL = "hasAnyRole('ADMIN','LEADER','SHIFT_LEADER')";

    private StatsRoles() {}
}
