package org.cityops.enforcement.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EnforcementNavigation {

    @Bean
    NavItem enforcementCasesNav() {
        return new NavItem(
                "nav.enforcement.cases",
                "/enforcement",
                Set.of("ADMIN", "ENFORCEMENT_OFFICER", "LEGAL_REVIEWER", "LEADER"),
                680);
    }

    @Bean
    NavItem enforcementReviewNav() {
        return new NavItem("nav.enforcement.review", "/enforcement/review", Set.of("ADMIN", "LEGAL_REVIEWER"), 685);
    }

    @Bean
    NavItem enforcementItemsNav() {
        return new NavItem(
                "nav.enforcement.items",
                "/enforcement/items",
                Set.of("ADMIN", "ENFORCEMENT_OFFICER", "LEGAL_REVIEWER", "LEADER"),
                690);
    }

    @Bean
    NavItem enforcementStatsNav() {
        return new NavItem(
                "nav.enforcement.stats",
                "/enforcement/stats",
                Set.of("ADMIN", "ENFORCEMENT_OFFICER", "LEGAL_REVIEWER", "LEADER"),
                692);
    }
}
