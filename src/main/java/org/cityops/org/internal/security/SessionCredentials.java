package org.cityops.org.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Keeps the browser session in which a user changed their own password signed in (under the new credential time
 * and a new session id). Every other session and bearer token of the account, including the token of an API call
 * that changed it, is revoked.
 */
@Component
public class SessionCredentials {

    private final UserDetailsService users;
    private final AccountChanges changes;

    SessionCredentials(UserDetailsService users, AccountChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    /** Call after the change has committed; does nothing for a request authenticated by a bearer token. */
    public void keepThisSession(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null
                || auth == null
                || auth instanceof TokenAuthentication
                || !(auth.getPrincipal() instanceof StaffPrincipal p)) {
            return;
        }
        StaffPrincipal fresh = (StaffPrincipal) users.loadUserByUsername(p.getUsername());
        SessionRefreshFilter.renew(fresh, request, response, changes);
    }
}
