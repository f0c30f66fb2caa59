package org.cityops.assessment.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssessmentNavigation {

    @Bean
    NavItem assessmentNav() {
        return new NavItem("nav.assessment.periods", "/assessment", Set.of("ADMIN", "ASSESSOR", "LEADER"), 600);
    }

    @Bean
    NavItem assessmentMyNav() {
        return new NavItem("nav.assessment.my", "/assessment/my", Set.of("HANDLER"), 605);
    }

    @Bean
    NavItem assessmentPublicNav() {
        return new NavItem("nav.assessment.public", "/public/assessment", Set.of(), 610);
    }
}
