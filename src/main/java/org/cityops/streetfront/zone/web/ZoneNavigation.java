package org.cityops.streetfront.zone.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ZoneNavigation {

    private static final Set<String> ROLES = Set.of("ADMIN", "INSPECTOR", "LEADER", "STREETFRONT_SUPERVISOR");

    @Bean
    NavItem streetfrontZonesNav() {
        return new NavItem("nav.streetfront.zones", "/streetfront/zones", ROLES, 686);
    }

    @Bean
    NavItem streetfrontZoneInspectNav() {
        return new NavItem(
                "nav.streetfront.zoneInspect",
                "/streetfront/zones/inspect",
                Set.of("ADMIN", "INSPECTOR", "STREETFRONT_SUPERVISOR"),
                687);
    }

    @Bean
    NavItem streetfrontZoneRatesNav() {
        return new NavItem("nav.streetfront.zoneRates", "/streetfront/zones/rates", ROLES, 688);
    }
}
