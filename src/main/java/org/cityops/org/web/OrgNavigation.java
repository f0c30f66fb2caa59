package org.cityops.org.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    @Bean
    NavItem orgUnitsNav() {
        return new NavItem("nav.org.units", "/admin/org", Set.of("ADMIN"), 700, "basedata");
    }

    @Bean
    NavItem orgDepartmentsNav() {
        return new NavItem("nav.org.departments", "/admin/departments", Set.of("ADMIN"), 710, "basedata");
    }

    @Bean
    NavItem orgUsersNav() {
        return new NavItem("nav.org.users", "/admin/users", Set.of("ADMIN"), 900, "system");
    }

    @Bean
    NavItem orgImportNav() {
        return new NavItem("nav.org.import", "/admin/import", Set.of("ADMIN"), 910, "system");
    }

    /** Every signed-in user. */
    @Bean
    NavItem meNav() {
        return new NavItem("nav.me", "/me", Set.of(), 990, "");
    }
}
