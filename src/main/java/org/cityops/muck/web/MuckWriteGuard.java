package org.cityops.muck.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every write to the construction-waste supervision (anything but GET/HEAD/OPTIONS under {@code /api/v1/muck} and
 * {@code /muck}) is refused with 403 to whoever is not a supervisor or administrator — before the body is read, so
 * a leader (who may read the map and the alarms) gets 403 and not a validation 400 for an empty form. The
 * controllers' own {@code @PreAuthorize} stays the rule; this is the same rule checked earlier.
 */
@Configuration(proxyBeanMethods = false)
class MuckWriteGuard implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> WRITERS = Set.of("ROLE_ADMIN", "ROLE_MUCK_SUPERVISOR");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/muck/**", "/muck/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(WRITERS::contains)) {
            return true;
        }
        throw new AccessDeniedException("无权执行此操作");
    }
}
