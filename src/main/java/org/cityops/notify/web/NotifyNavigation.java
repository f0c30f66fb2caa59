package org.cityops.notify.web;

import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyNavigation {

    /** 消息通知: the delivery log, dead letters and templates (administrators). */
    @Bean
    NavItem notifyAdminNav() {
        return new NavItem("nav.notify.admin", "/admin/notify", Set.of("ADMIN"), 925, "system");
    }
}
