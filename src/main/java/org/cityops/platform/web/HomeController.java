package org.cityops.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.platform.StartPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in (a module's page for the user's roles, else the navigation as tiles) and the public home. */
@Controller
class HomeController {

    private final List<StartPage> startPages;

    HomeController(ObjectProvider<StartPage> startPages) {
        this.startPages = startPages.orderedStream().toList();
    }

    @GetMapping("/")
    String home(Authentication auth) {
        if (auth != null) {
            Set<String> roles = auth.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring(5))
                    .collect(Collectors.toSet());
            for (StartPage p : startPages) {
                Optional<String> path = p.pathFor(roles);
                if (path.isPresent()) {
                    return "redirect:" + path.get();
                }
            }
        }
        return "home";
    }

    /** 市民服务: the public pages' brand link leads here (report, look up, the red and black list). */
    @GetMapping("/public")
    String publicHome() {
        return "public/home";
    }
}
