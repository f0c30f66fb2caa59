package org.cityops.sanitation.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SanitationNavigation {

    private static final Set<String> ROLES = Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER");

    @Bean
    NavItem sanitationMapNav() {
        return new NavItem("nav.sanitation.map", "/sanitation/map", ROLES, 660);
    }

    @Bean
    NavItem sanitationRatesNav() {
        return new NavItem("nav.sanitation.rates", "/sanitation/rates", ROLES, 670);
    }

    @Bean
    NavItem sanitationRoutesNav() {
        return new NavItem("nav.sanitation.routes", "/sanitation/routes", ROLES, 675);
    }

    @Bean
    NavItem sanitationAttendanceNav() {
        return new NavItem("nav.sanitation.attendance", "/sanitation/attendance", ROLES, 677);
    }

    /** The registers (posts, workers, vehicles, plans, points): only those who may change them. */
    @Bean
    NavItem sanitationRegistersNav() {
        return new NavItem(
                "nav.sanitation.registers", "/sanitation/registers", Set.of("ADMIN", "SANITATION_SUPERVISOR"), 679);
    }
}
