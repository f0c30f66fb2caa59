package org.cityops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Replaces Spring's {@link ResourceUrlEncodingFilter} with one that rewrites WebJars links only. Boot registers
 * Spring's filter because the WebJars locator switches the resource chain on; that filter sends every {@code @{…}}
 * link of every page through the resource resolvers, and for a page link (not a static file) that is a miss in each
 * static location, uncached, per link: a 300-row table paid for more than a thousand classpath lookups (median
 * 2.0 s against 0.6 s at the same load, docs/benchmarks.md). A link under {@code /webjars/} still gets its version
 * ({@code /webjars/leaflet/dist/leaflet.css} → {@code /webjars/leaflet/1.9.4/dist/leaflet.css}), resolved once and
 * cached. {@code cityops.web.encode-resource-urls=all} puts Spring's filter back (for an A/B measurement).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityops.web.encode-resource-urls", havingValue = "webjars", matchIfMissing = true)
class ResourceUrlEncodingOff {

    /** A {@link ResourceUrlEncodingFilter}, so Boot's own registration (conditional on a missing one) is not made. */
    @Bean
    FilterRegistrationBean<WebJarsUrlEncodingFilter> webJarsUrlEncodingFilter(
            ObjectProvider<ResourceUrlProvider> urls) {
        return new FilterRegistrationBean<>(new WebJarsUrlEncodingFilter((request, url) -> {
            ResourceUrlProvider provider = urls.getIfAvailable();
            return provider == null ? null : provider.getForRequestUrl(request, url);
        }));
    }

    /** Rewrites {@code /webjars/…} links to their versioned path; every other link passes untouched. */
    static final class WebJarsUrlEncodingFilter extends ResourceUrlEncodingFilter {

        /** The versioned path of a link, or null when the resolvers know none. */
        private final BiFunction<HttpServletRequest, String, String> versioned;

        WebJarsUrlEncodingFilter(BiFunction<HttpServletRequest, String, String> versioned) {
            this.versioned = versioned;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
                chain.doFilter(req, res);
                return;
            }
            String prefix = request.getContextPath() + "/webjars/";
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public String encodeURL(String url) {
                    if (url.startsWith(prefix)) {
                        String path = versioned.apply(request, url);
                        if (path != null) {
                            return super.encodeURL(path);
                        }
                    }
                    return super.encodeURL(url);
                }
            });
        }
    }
}
