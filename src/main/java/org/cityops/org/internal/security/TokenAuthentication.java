package org.cityops.org.internal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a bearer token; the principal is loaded fresh so a disabled user is refused. */
class TokenAuthentication extends AbstractAuthenticationToken {

    private final StaffPrincipal principal;
    private final Jwt jwt;

    TokenAuthentication(StaffPrincipal principal, Jwt jwt) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.getUsername();
    }
}
