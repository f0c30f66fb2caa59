package org.cityops.muck.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MuckNavigation {

    private static final Set<String> ROLES = Set.of("ADMIN", "MUCK_SUPERVISOR");

    /** The map and the alarm list are open to leaders too, read-only ({@link MuckRoles#READERS}). */
    private static final Set<String> READERS = Set.of("ADMIN", "MUCK_SUPERVISOR", "LEADER");

    @Bean
    NavItem muckMapNav() {
        return new NavItem("nav.muck.map", "/muck/map", READERS, 600);
    }

    @Bean
    NavItem muckAlarmsNav() {
        return new NavItem("nav.muck.alarms", "/muck/alarms", READERS, 610);
    }

    @Bean
    NavItem muckSitesNav() {
        return new NavItem("nav.muck.sites", "/muck/sites", ROLES, 620);
    }

    @Bean
    NavItem muckTrackNav() {
        return new NavItem("nav.muck.track", "/muck/track", ROLES, 630);
    }

    @Bean
    NavItem muckStatsNav() {
        return new NavItem("nav.muck.stats", "/muck/stats", ROLES, 640);
    }

    @Bean
    NavItem muckRegistryNav() {
        return new NavItem("nav.muck.registry", "/muck/registry", ROLES, 650);
    }
}
