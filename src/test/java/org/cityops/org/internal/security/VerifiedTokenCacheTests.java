package org.cityops.org.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AtomicInteger verifications = new AtomicInteger();

    private final JwtDecoder real = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        Instant exp = token.startsWith("expired") ? NOW.minusSeconds(1) : NOW.plusSeconds(3600);
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("operator1")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(exp)
                .build();
    };

    @Test
    void a_verified_token_is_not_verified_again_while_it_is_valid() {
        var cache = new VerifiedTokenCache(real, clock, 10);
        Jwt first = cache.decode("good-1");
        Jwt second = cache.decode("good-1");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_token_the_real_decoder_refuses_is_refused_every_time_and_never_remembered() {
        var cache = new VerifiedTokenCache(real, clock, 10);
        assertThatThrownBy(() -> cache.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void an_expired_token_is_not_remembered() {
        var cache = new VerifiedTokenCache(real, clock, 10);
        cache.decode("expired-1");
        cache.decode("expired-1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_remembered_token_is_checked_again_once_its_expiry_has_passed() {
        var later = new Clock[] {clock};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return later[0].instant();
            }
        };
        var cache = new VerifiedTokenCache(real, moving, 10);
        cache.decode("good-2");
        later[0] = Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC);
        cache.decode("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void the_cache_never_holds_more_than_its_capacity() {
        var cache = new VerifiedTokenCache(real, clock, 3);
        for (int i = 0; i < 10; i++) {
            cache.decode("good-" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
