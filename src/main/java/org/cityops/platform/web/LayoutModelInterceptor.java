package org.cityops.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.platform.NavItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/**
 * Puts the navigation the signed-in user may see, and who they are, into every server-rendered page: only
 * when the handler answered with a view to render (not for JSON API calls, not for redirects), so API
 * requests pay nothing for it.
 */
public class LayoutModelInterceptor implements HandlerInterceptor {

    private final NavMenu menu;

    public LayoutModelInterceptor(NavMenu menu) {
        this.menu = menu;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (!rendersPage(mav)) {
            return;
        }
        List<NavItem> visible = menu.visibleTo(currentRoles());
        mav.addObject("navItems", visible);
        mav.addObject("navGroups", menu.groups(visible));
        mav.addObject("currentUsername", currentUsername());
        mav.addObject("currentPath", request.getRequestURI());
    }

    static boolean rendersPage(ModelAndView mav) {
        if (mav == null || mav.wasCleared()) {
            return false;
        }
        if (mav.getView() != null) {
            return !(mav.getView() instanceof SmartView smart && smart.isRedirectView());
        }
        String name = mav.getViewName();
        return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                ? null
                : auth.getName();
    }

    /** Role names without Spring's ROLE_ prefix, e.g. {@code DISPATCHER}. */
    public static Set<String> currentRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
    }
}
