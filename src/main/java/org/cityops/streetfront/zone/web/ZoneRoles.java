package org.cityops.streetfront.zone.web;

/**
 * Who may do what with 门前三包 zones: administrators, inspectors (监督员) and leaders read; administrators and
 * leaders keep the ledger (create, import); administrators and inspectors inspect and handle the 责任书 in the
 * field (signature, 上墙 photo).
 */
final class ZoneRoles {

    static final String READ = "hasAnyRole('ADMIN','INSPECTOR','LEADER')";
    static final String MANAGE = "hasAnyRole('ADMIN','LEADER')";
    static final String FIELD = "hasAnyRole('ADMIN','INSPECTOR')";

    private ZoneRoles() {}
}
