package org.cityops.cases.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseNavigation {

    static final Set<String> STAFF =
            Set.of("ADMIN", "OPERATOR", "SHIFT_LEADER", "DISPATCHER", "INSPECTOR", "HANDLER", "LEADER", "ASSESSOR");

    @Bean
    NavItem caseQueueNav() {
        return new NavItem("nav.cases.queue", "/cases/queue", STAFF, 100, "cases");
    }

    @Bean
    NavItem caseListNav() {
        return new NavItem("nav.cases.list", "/cases", STAFF, 110, "cases");
    }

    @Bean
    NavItem caseMapNav() {
        return new NavItem("nav.cases.map", "/cases/map", STAFF, 120, "cases");
    }

    @Bean
    NavItem caseNewNav() {
        return new NavItem(
                "nav.cases.new",
                "/cases/new",
                Set.of("OPERATOR", "SHIFT_LEADER", "INSPECTOR", "LEADER", "DISPATCHER"),
                130,
                "cases");
    }
}
