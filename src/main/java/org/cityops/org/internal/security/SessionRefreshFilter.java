package org.cityops.org.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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

/**
 * A browser session keeps the principal it signed in with. The account is re-read on the next request after this
 * node saw an administrator change it (roles, scope, status, password) and otherwise at least every 30 s (so a
 * change made on another node of a cluster reaches the session within that time). The session ends when the
 * account is gone or disabled, or when its credentials changed after the session signed in (password change or
 * reset, disable, role change: {@link StaffPrincipal#credentialsChangedAt()}); a session of an account an
 * administrator just changed also ends while the account is locked. Otherwise it carries the new scope, unit and
 * department. (Bearer tokens are handled by {@link TokenService}.) Sits right after the security context is
 * loaded, before any authorization decision.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    static final String LOADED_AT = "cityops.staff.loadedAt";
    static final long RECHECK_MILLIS = 30_000;

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
        if (session != null
                && auth != null
                && !(auth instanceof TokenAuthentication)
                && auth.getPrincipal() instanceof StaffPrincipal p) {
            Instant changed = changes.changedAt(p.getUsername());
            Object loaded = session.getAttribute(LOADED_AT);
            long loadedAt = loaded instanceof Long l ? l : session.getCreationTime();
            boolean changedHere = changed != null && changed.toEpochMilli() >= loadedAt;
            if (changedHere || changes.now().toEpochMilli() - loadedAt >= RECHECK_MILLIS) {
                refresh(p, changedHere, session, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void refresh(
            StaffPrincipal signedIn,
            boolean changedHere,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response) {
        StaffPrincipal fresh;
        try {
            fresh = (StaffPrincipal) users.loadUserByUsername(signedIn.getUsername());
        } catch (UsernameNotFoundException e) {
            fresh = null;
        }
        if (fresh == null
                || !fresh.isEnabled()
                || (changedHere && !fresh.isAccountNonLocked())
                || fresh.credentialStamp() != signedIn.credentialStamp()) {
            SecurityContextHolder.clearContext();
            session.invalidate();
            return;
        }
        if (!fresh.equals(signedIn)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
            SecurityContextHolder.setContext(context);
            repository.saveContext(context, request, response);
        }
        session.setAttribute(LOADED_AT, changes.now().toEpochMilli() + 1);
    }

    /**
     * The signed-in user changed their own password in this session: the session stays signed in under the new
     * credential time (with a new session id), while every other session and token of the account is revoked.
     */
    static void renew(
            StaffPrincipal fresh, HttpServletRequest request, HttpServletResponse response, AccountChanges changes) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        request.getSession().setAttribute(LOADED_AT, changes.now().toEpochMilli() + 1);
    }
}
