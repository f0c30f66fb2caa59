package org.cityops.org.internal.security;

import java.security.Principal;
import java.util.Optional;
import org.cityops.org.StaffMember;
import org.springframework.security.core.Authentication;

/**
 * The staff member an authenticated principal (form session or bearer token) stands for: empty for a machine client
 * (API key), an anonymous caller or no principal at all. Used by {@link CurrentActorResolver} and
 * {@link org.cityops.org.Callers}; nothing here reads the security context.
 */
public final class StaffPrincipals {

    private StaffPrincipals() {}

    public static Optional<StaffMember> staff(Principal caller) {
        if (caller instanceof Authentication auth && auth.getPrincipal() instanceof StaffPrincipal p) {
            return Optional.of(p.staff());
        }
        return Optional.empty();
    }
}
