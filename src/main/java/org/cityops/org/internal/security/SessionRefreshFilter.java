package org.cityops.org.internal.security;

import java.io.IOException;
import java.time.Instant;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A browser session keeps the principal it signed in with. When an administrator changes an account (roles,
 * scope, status, password), the next request of any session of that account re-reads it: a disabled or
 * locked account's session ends, otherwise the session carries the new roles and scope. (Bearer tokens are
 * handled by {@link TokenService}.) Changes are remembered per node, in memory ({@link AccountChanges}).
 * Sits right after the security context is loaded, before any authorization decision.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    static final String LOADED_AT = "cityops.staff.loadedAt";

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final AccountChanges changes;
    private final UserDetailsService users;

    SessionRefreshFilter(AccountChanges changes, UserDetailsService users) {
        this.changes = changes;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && auth != null && !(auth instanceof TokenAuthentication)
                && auth.getPrincipal() instanceof StaffPrincipal p) {
            Instant changed = changes.changedAt(p.getUsername());
            Object loaded = session.getAttribute(LOADED_AT);
            long loadedAt = loaded instanceof Long l ? l : session.getCreationTime();
            if (changed != null && changed.toEpochMilli() >= loadedAt) {
                refresh(p.getUsername(), session, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void refresh(String username, HttpSession session, HttpServletRequest request,
            HttpServletResponse response) {
        StaffPrincipal fresh;
        try {
            fresh = (StaffPrincipal) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            fresh = null;
        }
        if (fresh == null || !fresh.isEnabled() || !fresh.isAccountNonLocked()) {
            SecurityContextHolder.clearContext();
            session.invalidate();
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        session.setAttribute(LOADED_AT, changes.now().toEpochMilli() + 1);
    }
}
