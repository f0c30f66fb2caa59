package org.cityops.stats.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatsNavigation {

    @Bean
    NavItem statsLeaderNav() {
        return new NavItem("nav.stats.leader", "/leader", Set.of("LEADER", "SHIFT_LEADER", "ADMIN"), 50);
    }

    @Bean
    NavItem statsCasesNav() {
        return new NavItem(
                "nav.stats.cases",
                "/stats",
                Set.of("ADMIN", "LEADER", "SHIFT_LEADER", "DISPATCHER", "OPERATOR", "ASSESSOR", "HANDLER"),
                55);
    }

    @Bean
    NavItem statsCommandNav() {
        return new NavItem("nav.stats.command", "/command", Set.of("LEADER", "SHIFT_LEADER", "ADMIN"), 56);
    }
}
