package org.cityops.streetfront.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StreetfrontNavigation {

    private static final Set<String> ROLES = StreetfrontRoles.READERS;

    @Bean
    NavItem streetfrontFacilitiesNav() {
        return new NavItem("nav.streetfront.facilities", "/streetfront/facilities", ROLES, 680);
    }

    @Bean
    NavItem streetfrontExpiringNav() {
        return new NavItem("nav.streetfront.expiring", "/streetfront/permits/expiring", ROLES, 681);
    }

    @Bean
    NavItem streetfrontTasksNav() {
        return new NavItem("nav.streetfront.tasks", "/streetfront/tasks", ROLES, 682);
    }
}
