package org.cityops.org.internal.admin;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.cityops.org.DataScope;
import org.cityops.org.Role;

/** A staff account as the administration sees it; never carries the password hash. */
public record UserRow(
        long id,
        String username,
        String displayName,
        String phone,
        boolean enabled,
        Set<Role> roles,
        DataScope scope,
        String orgUnitCode,
        String departmentCode,
        int failedAttempts,
        Instant lockedUntil,
        int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** For the audit trail: everything but secrets. */
    String summary() {
        return "username=" + username + " name=" + displayName + " roles=" + new TreeSet<>(roles) + " scope=" + scope
                + " unit=" + orgUnitCode + " dept=" + departmentCode + " enabled=" + enabled
                + (phone == null ? "" : " phone=" + phone);
    }
}
