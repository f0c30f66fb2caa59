package org.cityops.streetfront.parking.web;

import org.cityops.platform.NavItem;
import org.cityops.streetfront.web.StreetfrontRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ParkingNavigation {

    @Bean
    NavItem streetfrontMapNav() {
        return new NavItem("nav.sf.park.map", "/streetfront/map", StreetfrontRoles.READERS, 683, "streetfront");
    }

    @Bean
    NavItem parkingAreasNav() {
        return new NavItem("nav.sf.park.areas", "/streetfront/parking", StreetfrontRoles.READERS, 689, "streetfront");
    }

    @Bean
    NavItem parkingOperatorsNav() {
        return new NavItem(
                "nav.sf.park.operators",
                "/streetfront/parking/operators",
                StreetfrontRoles.READERS,
                690,
                "streetfront");
    }

    @Bean
    NavItem parkingTowsNav() {
        return new NavItem(
                "nav.sf.park.tows", "/streetfront/parking/tows", StreetfrontRoles.READERS, 691, "streetfront");
    }
}
