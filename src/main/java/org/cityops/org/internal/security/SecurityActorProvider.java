package org.cityops.org.internal.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.platform.Actor;
import org.cityops.platform.ActorProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is recorded in the audit trail, from the security context: staff, a machine client, an anonymous citizen, or
 * the system, with the client address. Decides nothing about what anybody may see (that is the actor passed from the
 * web edge, {@code @CurrentActor StaffMember}, and {@code ScopeRule}).
 */
@Component
class SecurityActorProvider implements ActorProvider {

    @Override
    public Actor current() {
        String ip = ClientAddress.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return ip == null ? Actor.SYSTEM : Actor.anonymous(ip);
        }
        if (auth.getPrincipal() instanceof StaffPrincipal p) {
            Set<String> roles = p.staff().roles().stream().map(Enum::name).collect(Collectors.toSet());
            return new Actor(p.getUsername(), p.staff().displayName(), roles, ip);
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .collect(Collectors.toSet());
        return new Actor(auth.getName(), auth.getName(), roles, ip);
    }
}
