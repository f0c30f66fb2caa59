package org.cityops.rectification.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the seed report's inspection (市委第一巡察组 巡察“回头看”) with its 8 categories, 43 problems and
 * 115 measures, assigned to leaders and departments, with statuses 12/15/16 as the report states. Once only.
 */
@Component
@Profile("demo")
@Order(60)
class SeedInspectionSeeder implements ApplicationRunner {

    private final DemoLedger demo;

    SeedInspectionSeeder(DemoLedger demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.seedOnce();
    }
}
