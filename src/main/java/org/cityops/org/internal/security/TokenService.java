package org.cityops.org.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.cityops.org.internal.admin.StaffAccountChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues and reads bearer tokens (HS256 JWTs). The key comes from {@code cityops.security.token-secret}; when
 * it is not set a random key is made at start-up, so tokens do not survive a restart (set it in production
 * and on every node of a cluster). A token is revoked when the account's credentials change after it was issued
 * (password change or reset, disable, role change: claim {@value #CREDENTIAL_CLAIM} against the account's
 * {@code credentials_changed_at}). The user behind a token is re-read at most every 30 s, so a change made
 * elsewhere takes effect within that time (at once on the node where the administration made it, which publishes
 * {@link StaffAccountChanged}; on the other nodes of a cluster within {@code cityops.cluster.sync-interval} when
 * {@code cityops.cluster.store=jdbc}, see {@link AccountChanges}).
 */
@Service
class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final Duration PRINCIPAL_CACHE = Duration.ofSeconds(30);

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final Duration lifetime;
    private final Clock clock;
    private final UserDetailsService users;
    private final Map<String, Cached> principals = new ConcurrentHashMap<>();
    private final AccountChanges changes;

    /** The claim that carries the account's credential time (epoch ms) the token was issued under. */
    static final String CREDENTIAL_CLAIM = "cst";

    private record Cached(StaffPrincipal principal, Instant loadedAt) {}

    TokenService(
            @Value("${cityops.security.token-secret:}") String secret,
            @Value("${cityops.security.token-lifetime:PT1H}") Duration lifetime,
            Clock clock,
            UserDetailsService users,
            AccountChanges changes) {
        this.changes = changes;
        byte[] key;
        if (secret == null || secret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.info("cityops.security.token-secret is not set: bearer tokens are signed with a random key and "
                    + "end with this process");
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("cityops.security.token-secret must be at least 32 bytes");
            }
        }
        SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(secretKey).build();
        this.decoder = new VerifiedTokenCache(
                NimbusJwtDecoder.withSecretKey(secretKey)
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build(),
                Clock.systemUTC(),
                10_000);
        this.lifetime = lifetime;
        this.clock = clock;
        this.users = users;
    }

    record IssuedToken(String value, long expiresInSeconds) {}

    /**
     * A token for a principal just authenticated. It carries the account's credential time as loaded for that
     * authentication (claim {@value #CREDENTIAL_CLAIM}), so a change committed meanwhile already voids it.
     */
    IssuedToken issue(StaffPrincipal principal) {
        Instant now = Instant.now(clock);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("cityops")
                .subject(principal.getUsername())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(CREDENTIAL_CLAIM, principal.credentialStamp())
                .id(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /**
     * Runs on every request, after the signature and expiry check (which {@link VerifiedTokenCache} may have
     * remembered): the account must be enabled, not locked, and its credentials must not have changed since the
     * token was issued. The account is re-read when this node saw it change since it was loaded, and at least
     * every 30 s (so a change made on another node of a cluster takes effect within that time).
     */
    TokenAuthentication authenticate(Jwt jwt) {
        String username = jwt.getSubject();
        Instant now = Instant.now(clock);
        Cached cached = principals.get(username);
        Instant changed = changes.changedAt(username);
        if (cached == null
                || cached.loadedAt().plus(PRINCIPAL_CACHE).isBefore(now)
                || (changed != null && !cached.loadedAt().isAfter(changed))) {
            StaffPrincipal p = (StaffPrincipal) users.loadUserByUsername(username);
            cached = new Cached(p, now);
            principals.put(username, cached);
        }
        StaffPrincipal p = cached.principal();
        if (stampOf(jwt) != p.credentialStamp()) {
            throw new CredentialsExpiredException(
                    "token revoked: the account's credentials changed after it was issued");
        }
        if (!p.isEnabled()) {
            throw new DisabledException("account disabled");
        }
        if (!p.isAccountNonLocked()) {
            throw new LockedException("account locked");
        }
        if (p.staff() == null) {
            throw new BadCredentialsException("unknown user");
        }
        return new TokenAuthentication(p, jwt);
    }

    /** The credential time a token was issued under; a token without it counts as issued before any change. */
    static long stampOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(CREDENTIAL_CLAIM);
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }

    /** An account changed (roles, scope, status, password): the next request re-reads it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void forget(StaffAccountChanged changed) {
        principals.remove(changed.username());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
