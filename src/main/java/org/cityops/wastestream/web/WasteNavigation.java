package org.cityops.wastestream.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 餐厨废弃物收运监管 sits in the 环卫 menu (the same supervisors). */
@Configuration(proxyBeanMethods = false)
class WasteNavigation {

    @Bean
    NavItem wastestreamNav() {
        return new NavItem(
                "nav.wastestream.supervision",
                "/wastestream",
                Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                680,
                "sanitation");
    }

    @Bean
    NavItem wastestreamMapNav() {
        return new NavItem(
                "nav.wastestream.map",
                "/wastestream/map",
                Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                681,
                "sanitation");
    }

    @Bean
    NavItem wastestreamMonthNav() {
        return new NavItem(
                "nav.wastestream.month",
                "/wastestream/month",
                Set.of("ADMIN", "SANITATION_SUPERVISOR", "LEADER"),
                682,
                "sanitation");
    }

    @Bean
    NavItem wastestreamPickupNav() {
        return new NavItem(
                "nav.wastestream.pickup",
                "/wastestream/pickup",
                Set.of("ADMIN", "SANITATION_SUPERVISOR"),
                690,
                "sanitation");
    }
}
