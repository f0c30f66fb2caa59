package org.cityops.geo.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GeoNavigation {

    @Bean
    NavItem geoMapNav() {
        return new NavItem(
                "nav.geo.map",
                "/geo/map",
                Set.of(
                        "ADMIN",
                        "OPERATOR",
                        "SHIFT_LEADER",
                        "DISPATCHER",
                        "INSPECTOR",
                        "HANDLER",
                        "ASSESSOR",
                        "LEADER",
                        "RECTIFICATION_OFFICE",
                        "MUCK_SUPERVISOR"),
                720,
                "basedata");
    }

    @Bean
    NavItem geoAdminNav() {
        return new NavItem("nav.geo.admin", "/admin/geo", Set.of("ADMIN"), 730, "basedata");
    }
}
