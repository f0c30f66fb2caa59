package org.cityops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code request.getRemoteAddr()} the client's address for everything after it (login throttling, the
 * login log, rate limits): the socket's address, or, when the socket peer is one of
 * {@code cityops.security.trusted-proxies}, the client named in {@code X-Forwarded-For} by the rule of
 * {@link TrustedProxies}. Without trusted proxies (the default) forwarded headers are ignored. Spring's own
 * forwarded-header handling is off ({@code server.forward-headers-strategy: none}): its {@code framework} strategy
 * believes every client and Tomcat's {@code native} one every private address by default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ClientAddressFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    @Autowired
    public ClientAddressFilter(@Value("${cityops.security.trusted-proxies:}") List<String> trustedProxies) {
        this.proxies = TrustedProxies.of(trustedProxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client =
                proxies.clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        if (client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getRemoteAddr() {
                        return client;
                    }

                    @Override
                    public String getRemoteHost() {
                        return client;
                    }
                },
                response);
    }
}
