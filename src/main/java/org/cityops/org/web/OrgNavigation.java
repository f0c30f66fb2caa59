package org.cityops.org.web;

import java.util.Set;

import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    @Bean
    NavItem orgUnitsNav() {
        return new NavItem("nav.org.units", "/admin/org", Set.of("ADMIN"), 800);
    }

    @Bean
    NavItem orgDepartmentsNav() {
        return new NavItem("nav.org.departments", "/admin/departments", Set.of("ADMIN"), 810);
    }

    @Bean
    NavItem orgUsersNav() {
        return new NavItem("nav.org.users", "/admin/users", Set.of("ADMIN"), 820);
    }

    @Bean
    NavItem orgImportNav() {
        return new NavItem("nav.org.import", "/admin/import", Set.of("ADMIN"), 830);
    }

    /** Every signed-in user. */
    @Bean
    NavItem meNav() {
        return new NavItem("nav.me", "/me", Set.of(), 990);
    }
}
