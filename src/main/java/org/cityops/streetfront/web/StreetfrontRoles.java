package org.cityops.streetfront.web;

/**
 * Who may do what in the street-front pages and API: 街面秩序监管员 ({@code STREETFRONT_SUPERVISOR}) and
 * administrators keep the ledgers and start mass inspections (leaders too), inspectors (监督员) inspect and count,
 * leaders read.
 */
public final class StreetfrontRoles {

    public static final String READ = "hasAnyRole('ADMIN','INSPECTOR','LEADER','STREETFRONT_SUPERVISOR')";
    public static final String MANAGE = "hasAnyRole('ADMIN','LEADER','STREETFRONT_SUPERVISOR')";
    public static final String INSPECT = "hasAnyRole('ADMIN','INSPECTOR','STREETFRONT_SUPERVISOR')";

    /** The roles of {@link #READ}, for the navigation. */
    public static final java.util.Set<String> READERS =
            java.util.Set.of("ADMIN", "INSPECTOR", "LEADER", "STREETFRONT_SUPERVISOR");

    private StreetfrontRoles() {}
}
