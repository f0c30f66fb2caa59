package org.cityops.enforcement.construction.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StructureNavigation {

    @Bean
    NavItem enforcementStructuresNav() {
        return new NavItem(
                "nav.enforcement.structures",
                "/enforcement/structures",
                Set.of("ADMIN", "ENFORCEMENT_OFFICER", "LEGAL_REVIEWER", "LEADER"),
                694);
    }
}
