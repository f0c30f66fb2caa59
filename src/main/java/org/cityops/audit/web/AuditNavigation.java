package org.cityops.audit.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavItem auditNav() {
        return new NavItem(
                "nav.audit.operations", "/admin/audit", Set.of("ADMIN", "LEADER", "ASSESSOR"), 920, "system");
    }

    @Bean
    NavItem loginLogNav() {
        return new NavItem("nav.audit.logins", "/admin/logins", Set.of("ADMIN"), 930, "system");
    }
}
