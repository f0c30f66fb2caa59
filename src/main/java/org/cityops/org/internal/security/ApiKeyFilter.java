package org.cityops.org.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.org.ApiClients;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Machine clients on the API chain: a request that carries {@code X-Api-Key} (and no {@code Authorization}) to an
 * endpoint that takes keys is authenticated as the key's client with the authority {@code API_CLIENT_<PURPOSE>}.
 * A key issued for another purpose is refused with 403, an unknown or disabled key with 401. Elsewhere the header
 * is ignored (the request then needs a bearer token as usual).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    static final String AUTHORITY_PREFIX = "API_CLIENT_";

    private final ApiClients clients;
    private final Map<String, ApiClients.Purpose> endpoints;

    /** @param endpoints request path → the purpose a key must have been issued for */
    ApiKeyFilter(ApiClients clients, Map<String, ApiClients.Purpose> endpoints) {
        this.clients = clients;
        this.endpoints = Map.copyOf(endpoints);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        ApiClients.Purpose purpose = endpoints.get(request.getRequestURI());
        if (key == null || purpose == null || request.getHeader("Authorization") != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> client = clients.authenticate(key, purpose);
        if (client.isPresent()) {
            SecurityContext context =
                    SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "api-client:" + client.get(),
                    null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY_PREFIX + purpose.name()))));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            chain.doFilter(request, response);
            return;
        }
        for (ApiClients.Purpose other : ApiClients.Purpose.values()) {
            if (other != purpose && clients.authenticate(key, other).isPresent()) {
                ProblemResponses.write(
                        response, 403, "Forbidden", "该密钥不能用于此接口 this key is not issued for this endpoint");
                return;
            }
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(response, 401, "Unauthorized", "密钥无效 invalid or disabled api key");
    }
}
