package org.cityops.rectification.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RectificationNavigation {

    @Bean
    NavItem rectificationLedgerNav() {
        return new NavItem(
                "nav.rectification.ledger",
                "/rectification",
                Set.of("RECTIFICATION_OFFICE", "LEADER", "ADMIN"),
                500,
                "rectification");
    }

    @Bean
    NavItem rectificationTasksNav() {
        return new NavItem(
                "nav.rectification.tasks",
                "/rectification-tasks",
                Set.of("HANDLER", "RECTIFICATION_OFFICE"),
                510,
                "rectification");
    }
}
