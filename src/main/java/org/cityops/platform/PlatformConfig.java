package org.cityops.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /**
     * The demo city's clock: the system clock, which the demo seeders (and the integration tests) may stop and
     * move to take a month of cases through the real services.
     */
    @Bean
    @Profile("demo")
    AdjustableClock adjustableClock() {
        return new AdjustableClock(Clock.systemUTC());
    }

    /** The one clock every module reads; tests replace it to move time. */
    @Bean
    @Profile("!demo")
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
