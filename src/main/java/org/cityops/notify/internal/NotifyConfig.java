package org.cityops.notify.internal;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.notify.Notifications;
import org.cityops.org.OrgDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The outbox, its channels and its dispatcher, from {@code cityops.notify.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfig {

    @Bean
    Channels notifyChannels(NotifyProperties config, Clock clock) {
        return new Channels(config, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService notifySenders(NotifyProperties config) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, config.getConcurrency()), r -> {
            Thread t = new Thread(r, "notify-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    OutboxDelivery outboxDelivery(
            OutboxStore store,
            Channels channels,
            NotifyProperties config,
            PlatformTransactionManager transactions,
            Clock clock,
            ExecutorService notifySenders) {
        return new OutboxDelivery(store, channels, config, transactions, clock, notifySenders);
    }

    @Bean
    NoticeDispatcher noticeDispatcher(OutboxDelivery delivery, NotifyProperties config) {
        return new NoticeDispatcher(delivery, config);
    }

    @Bean
    Notifications notifications(
            NotifyProperties config,
            OutboxStore store,
            NoticeTemplates templates,
            NotifyPreferences preferences,
            OrgDirectory directory,
            Channels channels,
            PlatformTransactionManager transactions,
            Clock clock,
            NoticeDispatcher dispatcher) {
        return new OutboxNotifications(
                config, store, templates, preferences, directory, channels, transactions, clock, dispatcher::wake);
    }
}
