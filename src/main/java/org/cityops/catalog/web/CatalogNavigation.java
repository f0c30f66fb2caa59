package org.cityops.catalog.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

    static final Set<String> READERS = Set.of("ADMIN", "DISPATCHER", "SHIFT_LEADER");

    @Bean
    NavItem catalogNav() {
        return new NavItem("nav.catalog.categories", "/admin/catalog", READERS, 740, "basedata");
    }

    @Bean
    NavItem routingNav() {
        return new NavItem("nav.catalog.routing", "/admin/catalog/routing", READERS, 750, "basedata");
    }

    @Bean
    NavItem calendarNav() {
        return new NavItem("nav.catalog.calendar", "/admin/calendar", READERS, 760, "basedata");
    }
}
