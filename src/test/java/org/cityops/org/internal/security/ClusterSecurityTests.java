package org.cityops.org.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cityops.audit.AuditTrail;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.UserAccounts;
import org.cityops.org.internal.admin.StaffAccountChanged;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.ClusterStore;
import org.cityops.platform.internal.ClusterTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two app nodes on one database ({@code cityops.cluster.store=jdbc}): the sign-in throttle of one node sees the
 * failures made on the other, and an account disabled through one node has its tokens refused by the other at
 * once (not after the other node's 30 s principal cache).
 */
class ClusterSecurityTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String SECRET = "a-cluster-wide-token-secret-of-32-bytes-or-more";

    private final DataSource db = ClusterTestDatabase.create("scale1-security-" + DATABASES.incrementAndGet());
    private final AdjustableClock clock = new AdjustableClock(Clock.systemUTC());

    {
        clock.stopAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private StaticListableBeanFactory storeOf(ClusterStore store) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clusterStore", store);
        return beans;
    }

    private LoginThrottle throttle(ClusterStore store) {
        return new LoginThrottle(
                mock(UserAccounts.class),
                mock(AuditTrail.class),
                clock,
                5,
                15,
                3,
                storeOf(store).getBeanProvider(ClusterStore.class));
    }

    private static void failFrom(LoginThrottle node, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        node.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("guess", "wrong"),
                new BadCredentialsException("bad")));
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAddressRefusedAfterFailuresOnBothNodesIsRefusedOnEach() {
        LoginThrottle nodeA = throttle(ClusterTestDatabase.store(db));
        LoginThrottle nodeB = throttle(ClusterTestDatabase.store(db));
        failFrom(nodeA, "198.51.100.20");
        failFrom(nodeB, "198.51.100.20");
        assertThat(nodeA.ipBlocked("198.51.100.20")).isFalse();
        assertThat(nodeB.ipBlocked("198.51.100.20")).isFalse();
        failFrom(nodeA, "198.51.100.20");
        assertThat(nodeA.ipBlocked("198.51.100.20")).isTrue();
        assertThat(nodeB.ipBlocked("198.51.100.20")).isTrue();
        assertThat(nodeB.ipBlocked("198.51.100.21")).isFalse();
    }

    /** The accounts table both nodes read. */
    private final Map<String, StaffPrincipal> accounts = new ConcurrentHashMap<>();

    private final UserDetailsService users = username -> {
        StaffPrincipal p = accounts.get(username);
        if (p == null) {
            throw new UsernameNotFoundException(username);
        }
        return p;
    };

    private static StaffPrincipal account(boolean enabled) {
        return new StaffPrincipal(
                new StaffMember(7, "wang.wu", "王五", Set.of(Role.OPERATOR), DataScope.CITY, null, null, null),
                "{noop}x",
                enabled,
                true,
                null);
    }

    private record Node(TokenService tokens, AccountChanges changes) {}

    private Node node(ClusterStore store) {
        AccountChanges changes =
                new AccountChanges(clock, storeOf(store).getBeanProvider(ClusterStore.class), Duration.ofSeconds(1));
        return new Node(new TokenService(SECRET, Duration.ofHours(1), clock, users, changes), changes);
    }

    @Test
    void aTokenOfAnAccountDisabledThroughNodeAIsRefusedByNodeB() {
        accounts.put("wang.wu", account(true));
        Node nodeA = node(ClusterTestDatabase.store(db));
        Node nodeB = node(ClusterTestDatabase.store(db));
        String token = nodeA.tokens().issue(account(true)).value();
        // node B has verified the token and holds the account in its principal cache
        assertThat(nodeB.tokens()
                        .authenticate(nodeB.tokens().decoder().decode(token))
                        .getName())
                .isEqualTo("wang.wu");

        accounts.put("wang.wu", account(false));
        nodeA.changes().changed(new StaffAccountChanged("wang.wu"));

        // one sync interval later (not the 30 s of node B's principal cache) node B refuses the token
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() ->
                        nodeB.tokens().authenticate(nodeB.tokens().decoder().decode(token)))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void withoutTheSharedStoreNodeBKeepsTheAccountItCachedUntilItRereadsIt() {
        accounts.put("wang.wu", account(true));
        Node nodeA = node(null);
        Node nodeB = node(null);
        String token = nodeA.tokens().issue(account(true)).value();
        nodeB.tokens().authenticate(nodeB.tokens().decoder().decode(token));
        accounts.put("wang.wu", account(false));
        nodeA.changes().changed(new StaffAccountChanged("wang.wu"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.tokens()
                        .authenticate(nodeB.tokens().decoder().decode(token))
                        .getName())
                .isEqualTo("wang.wu");
    }
}
