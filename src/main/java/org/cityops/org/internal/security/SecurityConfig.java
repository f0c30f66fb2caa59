package org.cityops.org.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cityops.org.ApiClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**}: bearer tokens (or the browser's session, with
 * CSRF), 401/403 as problem details. Everything else: form login for staff, CSRF on forms, public pages for
 * citizens and Open311. Role checks sit on the controllers ({@code @PreAuthorize}); data scope in the queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation (tracing span) around every security filter, authentication and authorization: the HTTP
     * server observation already times each request, and the per-filter spans cost about a tenth of the CPU
     * of a case intake.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            TokenService tokens,
            LoginThrottle throttle,
            AccountChanges changes,
            UserDetailsService users,
            ApiClients clients,
            AuthenticationEventPublisher events)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .requestMatchers("/api/v1/public/**")
                        .permitAll()
                        // published for the shared-bike operators' apps (GBFS geofencing_zones), like a public page
                        .requestMatchers(HttpMethod.GET, "/api/v1/parking/zones.geojson")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        // org administration: refused before the body is even read (the controllers check too)
                        .requestMatchers("/api/v1/org/users/**", "/api/v1/org/import/**", "/api/v1/org/export.xlsx")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/org/units/**", "/api/v1/org/departments/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/org/units/**", "/api/v1/org/departments/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.authenticationManager(bearerAuthentication(tokens, events)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.ignoringRequestMatchers(
                        req -> req.getHeader("Authorization") != null,
                        req -> req.getHeader(ApiKeyFilter.HEADER) != null,
                        req -> "/api/v1/auth/token".equals(req.getRequestURI()),
                        req -> req.getRequestURI().startsWith("/api/v1/public/")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(
                        new ThrottleFilter(throttle, "/api/v1/auth/token"), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRefreshFilter(changes, users), SecurityContextHolderFilter.class)
                // machine keys (X-Api-Key) for the endpoints that take them
                .addFilterAfter(
                        new ApiKeyFilter(
                                clients,
                                java.util.Map.of(
                                        "/api/v1/telemetry/positions",
                                        ApiClients.Purpose.TELEMETRY_INGEST,
                                        "/api/v1/parking/counts",
                                        ApiClients.Purpose.PARKING_COUNTS)),
                        SecurityContextHolderFilter.class);
        headers(http);
        return http.build();
    }

    /**
     * Checks the bearer token of each API call. A refused token is published like any failed sign-in (the login
     * log and the per-address throttle see it); an accepted one is not: it is not a sign-in, and publishing it made
     * every API call evaluate the sign-in listener's condition (about 5 % of a case intake's CPU).
     */
    private static AuthenticationManager bearerAuthentication(
            TokenService tokens, AuthenticationEventPublisher events) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
        provider.setJwtAuthenticationConverter(tokens::authenticate);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new FailuresOnly(events));
        return manager;
    }

    /** Passes failures on, drops successes. */
    private record FailuresOnly(AuthenticationEventPublisher delegate) implements AuthenticationEventPublisher {

        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {}

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            delegate.publishAuthenticationFailure(exception, authentication);
        }
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http,
            LoginThrottle throttle,
            AccountChanges changes,
            UserDetailsService users,
            @Value("${cityops.map.tile-origin:}") String tileOrigin)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/public/**",
                                "/open311/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/tiles/**") // the basemap file's tiles (public, like the citizen report map)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(c -> c.ignoringRequestMatchers("/open311/**"))
                .addFilterBefore(new ThrottleFilter(throttle, "/login"), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRefreshFilter(changes, users), SecurityContextHolderFilter.class);
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(csp ->
                        csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data: blob: http: https:; connect-src 'self'; "
                                + "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'"))
                .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.sameOrigin()));
    }

    /** Refuses sign-in attempts from a client address that has failed too often (429). */
    static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final String path;

        ThrottleFilter(LoginThrottle throttle, String path) {
            this.throttle = throttle;
            this.path = path;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod())
                    && path.equals(request.getRequestURI())
                    && throttle.ipBlocked(request.getRemoteAddr())) {
                response.setStatus(429);
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getWriter()
                        .write("{\"type\":\"https://cityops.org/problems/429\",\"title\":\"Too Many Requests\","
                                + "\"status\":429,\"detail\":\"登录失败次数过多，请稍后再试 too many failed sign-ins, try later\"}");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
