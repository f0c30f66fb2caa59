package org.cityops.org.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.org.internal.UserAccounts;
import org.cityops.platform.Actor;
import org.cityops.platform.ClusterStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login throttling: an account is locked for {@code lock-minutes} after {@code max-failures} consecutive bad
 * passwords (failures while it is locked neither count nor extend the lock), and one client address is refused
 * for a while after too many failures in a window. The address is the socket's, or the client's as named by a
 * trusted proxy ({@code cityops.security.trusted-proxies}). Every sign-in and every failure goes into the audit
 * trail (the login log). The account lock is in the database (every node sees it); the per-address window is in
 * this JVM, or with {@code cityops.cluster.store=jdbc} in the database ({@link ClusterStore}), so every node of a
 * cluster counts the same failures.
 */
@Component
class LoginThrottle {

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;
    private final int maxIpFailures;
    private final Map<String, Window> ipFailures = new ConcurrentHashMap<>();
    private final ClusterStore shared;

    /** The {@link ClusterStore} kind of the per-address window. */
    static final String IP_WINDOW = "login-ip";

    LoginThrottle(
            UserAccounts accounts,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.security.login.max-failures:5}") int maxFailures,
            @Value("${cityops.security.login.lock-minutes:15}") int lockMinutes,
            @Value("${cityops.security.login.max-ip-failures:30}") int maxIpFailures,
            ObjectProvider<ClusterStore> clusterStore) {
        this.shared = clusterStore.getIfAvailable();
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.maxIpFailures = maxIpFailures;
    }

    private record Window(Instant start, int failures) {}

    boolean ipBlocked(String ip) {
        if (shared != null) {
            return shared.failures(IP_WINDOW, ip, Instant.now(clock), lockFor) >= maxIpFailures;
        }
        Window w = ipFailures.get(ip);
        return w != null
                && w.failures() >= maxIpFailures
                && w.start().plus(lockFor).isAfter(Instant.now(clock));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = Instant.now(clock);
        accounts.recordFailure(username, maxFailures, now, now.plus(lockFor));
        String ip = ClientAddress.current();
        if (ip != null && shared != null) {
            shared.addFailure(IP_WINDOW, ip, now, lockFor);
        } else if (ip != null) {
            ipFailures.compute(
                    ip,
                    (k, w) -> w == null || w.start().plus(lockFor).isBefore(now)
                            ? new Window(now, 1)
                            : new Window(w.start(), w.failures() + 1));
        }
        audit.record(
                "SESSION",
                safe(username),
                "LOGIN_FAILED",
                null,
                event.getException().getClass().getSimpleName());
    }

    /**
     * A sign-in (form login or token request), not a bearer token's authentication of each API call: the
     * condition is checked before the listener's transaction opens, so API calls do not pay for one.
     */
    @EventListener(
            condition = "!(#event.authentication instanceof T(org.cityops.org.internal.security.TokenAuthentication))")
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal p
                && !(event.getAuthentication() instanceof TokenAuthentication)) {
            accounts.recordSuccess(p.getUsername());
            Set<String> roles = p.staff().roles().stream().map(Enum::name).collect(Collectors.toSet());
            audit.recordAs(
                    new Actor(p.getUsername(), p.staff().displayName(), roles, ClientAddress.current()),
                    "SESSION",
                    p.getUsername(),
                    "LOGIN",
                    null,
                    null);
        }
    }

    private static String safe(String username) {
        if (username == null) {
            return "";
        }
        return username.length() > 64 ? username.substring(0, 64) : username;
    }
}
