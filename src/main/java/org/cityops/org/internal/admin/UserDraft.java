package org.cityops.org.internal.admin;

import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;

/** What an administrator fills in for an account (everything but the password). */
public record UserDraft(
        String displayName,
        String phone,
        Set<Role> roles,
        DataScope scope,
        String orgUnitCode,
        String departmentCode,
        boolean enabled) {}
