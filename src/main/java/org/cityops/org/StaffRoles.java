package org.cityops.org;

/**
 * The one place that names "any staff member" for {@code @PreAuthorize}: every {@link Role}. A new role is added
 * here too ({@code StaffRolesTests} fails until it is), so pages every staff member may open (我的账号, the
 * catalogue and the grids for reading) do not answer 403 to the new role's accounts.
 */
public final class StaffRoles {

    public static final String ANY = "hasAnyRole('ADMIN','OPERATOR','SHIFT_LEADER','DISPATCHER','INSPECTOR','HANDLER',"
            + "'ASSESSOR','LEADER','RECTIFICATION_OFFICE','MUCK_SUPERVISOR','SANITATION_SUPERVISOR',"
            + "'STREETFRONT_SUPERVISOR',"
            + "'ENFORCEMENT_OFFICER','LEGAL_REVIEWER')";

    private StaffRoles() {}
}
