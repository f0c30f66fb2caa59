package org.cityops.platform.internal;

import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Cluster mode ({@code cityops.cluster.enabled=true}, profile {@code cluster}; docs/scale-out.md): several app
 * nodes against one PostgreSQL behind a load balancer.
 *
 * <ul>
 *   <li>Scheduled jobs that must run once across the cluster carry ShedLock's {@code @SchedulerLock}; the lock
 *       is a row of table {@code shedlock}, timed by the database's clock (so the nodes' clocks do not matter).
 *       Modules only annotate; without cluster mode the annotation does nothing (one node, as before).
 *   <li>Page sessions live in the database (Spring Session JDBC), so any node serves any browser; expired
 *       sessions are removed by {@link SessionCleanup} on one node (Spring Session's own clean-up would start on
 *       every node, and before Flyway has made its table).
 *   <li>Modulith's on-start republication of outstanding events must be off (every node would republish every
 *       incomplete event at start); {@link OutstandingEvents} resubmits them instead, on one node at a time.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityops.cluster.enabled", havingValue = "true")
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", proxyTargetClass = true)
@EnableJdbcHttpSession(cleanupCron = Scheduled.CRON_DISABLED)
class ClusterConfig {

    static final String REPUBLISH_ON_RESTART = "spring.modulith.events.republish-outstanding-events-on-restart";

    ClusterConfig(Environment env) {
        if (env.getProperty(REPUBLISH_ON_RESTART, Boolean.class, false)) {
            throw new IllegalStateException("cityops.cluster.enabled=true needs " + REPUBLISH_ON_RESTART
                    + "=false (every node would republish every outstanding event at start); run with the profile"
                    + " 'cluster', which sets both (docs/scale-out.md)");
        }
    }

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    /** The page session's idle time-out is the same as on a single node ({@code server.servlet.session.timeout}). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:8h}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /** The session filter runs before Spring Security's (Spring Session's own order). */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionFilterRegistration(SessionRepositoryFilter<?> filter) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        return registration;
    }
}
