package org.cityops.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Cluster mode: a scheduled job carrying {@code @SchedulerLock} runs once across the nodes that share the
 * database, however their schedulers race; the platform configuration is what makes the annotation work.
 */
class ClusterSchedulingTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static DataSource sharedDatabase() {
        return ClusterTestDatabase.create("scale1-locks-" + DATABASES.incrementAndGet());
    }

    /** What one node's scheduler does around a locked job (cluster mode's lock provider on the shared table). */
    private static LockingTaskExecutor node(DataSource ds) {
        return new DefaultLockingTaskExecutor(
                new ClusterConfig(new org.springframework.core.env.StandardEnvironment()).schedulerLockProvider(ds));
    }

    private static LockConfiguration job(Duration atLeast) {
        return new LockConfiguration(Instant.now(), "cases.sla-clock", Duration.ofMinutes(1), atLeast);
    }

    @Test
    void twoNodesFiringTheSameJobAtOnceRunItOnce() throws Exception {
        DataSource db = sharedDatabase();
        LockingTaskExecutor nodeA = node(db);
        LockingTaskExecutor nodeB = node(db);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch bothReady = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable tick = () -> {
            runs.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = schedulers.submit(() -> fire(nodeA, tick, bothReady));
            Future<?> b = schedulers.submit(() -> fire(nodeB, tick, bothReady));
            // the node that did not get the lock returns while the other is still inside the job
            while (!a.isDone() && !b.isDone()) {
                Thread.sleep(5);
            }
            release.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            schedulers.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }

    private static Void fire(LockingTaskExecutor node, Runnable tick, CountDownLatch bothReady) throws Exception {
        bothReady.countDown();
        bothReady.await(30, TimeUnit.SECONDS);
        node.executeWithLock(tick, job(Duration.ZERO));
        return null;
    }

    @Test
    void aNodeWhoseClockFiresJustAfterTheOtherFinishedDoesNotRunTheJobAgain() {
        DataSource db = sharedDatabase();
        AtomicInteger runs = new AtomicInteger();
        node(db).executeWithLock((Runnable) runs::incrementAndGet, job(Duration.ofMinutes(1)));
        node(db).executeWithLock((Runnable) runs::incrementAndGet, job(Duration.ofMinutes(1)));
        assertThat(runs).hasValue(1);
    }

    @Test
    void theLockIsOneRowOfTheSharedTableNamedAfterTheJob() {
        DataSource db = sharedDatabase();
        node(db).executeWithLock((Runnable) () -> {}, job(Duration.ofMinutes(1)));
        assertThat(JdbcClient.create(db)
                        .sql("SELECT name FROM shedlock")
                        .query(String.class)
                        .list())
                .containsExactly("cases.sla-clock");
    }

    /** Counts resubmissions, like Modulith's registry would hand outstanding events to their listeners. */
    static final class CountingPublications implements IncompleteEventPublications {
        final AtomicInteger resubmissions = new AtomicInteger();
        volatile Duration olderThan;

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            resubmissions.incrementAndGet();
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            olderThan = duration;
            resubmissions.incrementAndGet();
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
            resubmissions.incrementAndGet();
        }
    }

    private static AnnotationConfigApplicationContext clusterNode(
            DataSource db, IncompleteEventPublications publications, Map<String, Object> properties) {
        var ctx = new AnnotationConfigApplicationContext();
        ctx.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("node", properties));
        ctx.registerBean(DataSource.class, () -> db);
        ctx.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(db));
        ctx.registerBean(IncompleteEventPublications.class, () -> publications);
        ctx.register(ClusterConfig.class, OutstandingEvents.class);
        ctx.refresh();
        return ctx;
    }

    @Test
    void outstandingEventsAreResubmittedByOneNodeOnlyWhenTwoNodesRunTheJob() {
        DataSource db = sharedDatabase();
        CountingPublications registry = new CountingPublications();
        Map<String, Object> cluster =
                Map.of("cityops.cluster.enabled", "true", "cityops.cluster.resubmit-after", "PT7M");
        try (var nodeA = clusterNode(db, registry, cluster);
                var nodeB = clusterNode(db, registry, cluster)) {
            nodeA.getBean(OutstandingEvents.class).resubmit();
            nodeB.getBean(OutstandingEvents.class).resubmit();
        }
        assertThat(registry.resubmissions).hasValue(1);
        assertThat(registry.olderThan).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void clusterModeRefusesToStartWhenEveryNodeWouldRepublishOutstandingEventsAtStart() {
        DataSource db = sharedDatabase();
        Map<String, Object> republishing =
                Map.of("cityops.cluster.enabled", "true", ClusterConfig.REPUBLISH_ON_RESTART, "true");
        assertThatThrownBy(() -> clusterNode(db, new CountingPublications(), republishing))
                .rootCause()
                .hasMessageContaining(ClusterConfig.REPUBLISH_ON_RESTART + "=false");
    }
}
