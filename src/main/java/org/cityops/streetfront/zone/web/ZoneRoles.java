package org.cityops.streetfront.zone.web;

/**
 * Who may do what with 门前三包 zones: administrators, inspectors (监督员) and leaders read; administrators and
 * leaders keep the ledger (create, import); administrators and inspectors inspect and handle the 责任书 in the
 * field (signature, 上墙 photo). The 街面秩序监管员 ({@code STREETFRONT_SUPERVISOR}) does all three, as for the
 * other street-front ledgers ({@code StreetfrontRoles}).
 */
final class ZoneRoles {

    static final String READ = "hasAnyRole('ADMIN','INSPECTOR','LEADER','STREETFRONT_SUPERVISOR')";
    static final String MANAGE = "hasAnyRole('ADMIN','LEADER','STREETFRONT_SUPERVISOR')";
    static final String FIELD = "hasAnyRole('ADMIN','INSPECTOR','STREETFRONT_SUPERVISOR')";

    private ZoneRoles() {}
}
