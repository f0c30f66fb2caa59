package org.cityops.opinion.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 舆情 menu (section {@code opinion}, orders 300–304). */
@Configuration(proxyBeanMethods = false)
class OpinionNavigation {

    private static final Set<String> DUTY = Set.of("ADMIN", "SHIFT_LEADER", "OPERATOR", "LEADER");

    @Bean
    NavItem opinionItemsNav() {
        return new NavItem("nav.opinion.items", "/opinion", DUTY, 300);
    }

    @Bean
    NavItem opinionNewNav() {
        return new NavItem("nav.opinion.new", "/opinion/items/new", Set.of("ADMIN", "SHIFT_LEADER", "OPERATOR"), 301);
    }

    @Bean
    NavItem opinionRepliesNav() {
        return new NavItem(
                "nav.opinion.replies",
                "/opinion/replies",
                Set.of("ADMIN", "SHIFT_LEADER", "OPERATOR", "LEADER", "HANDLER"),
                302);
    }

    @Bean
    NavItem opinionDutyNav() {
        return new NavItem("nav.opinion.duty", "/opinion/duty", DUTY, 303);
    }

    @Bean
    NavItem opinionLogNav() {
        return new NavItem("nav.opinion.log", "/opinion/log", DUTY, 304);
    }
}
