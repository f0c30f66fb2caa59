package org.cityops.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cityops.platform.ClusterStore;
import org.junit.jupiter.api.Test;

/** cityops.cluster.store=jdbc: two nodes on one database count the same failures and spend the same budgets. */
class JdbcClusterStoreTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final DataSource db = ClusterTestDatabase.create("scale1-store-" + DATABASES.incrementAndGet());
    private final ClusterStore nodeA = ClusterTestDatabase.store(db);
    private final ClusterStore nodeB = ClusterTestDatabase.store(db);

    @Test
    void failuresCountedOnTwoNodesAddUpInOneWindow() {
        nodeA.addFailure("login-ip", "198.51.100.7", T0, WINDOW);
        nodeB.addFailure("login-ip", "198.51.100.7", T0.plusSeconds(10), WINDOW);
        assertThat(nodeA.addFailure("login-ip", "198.51.100.7", T0.plusSeconds(20), WINDOW))
                .isEqualTo(3);
        assertThat(nodeB.failures("login-ip", "198.51.100.7", T0.plusSeconds(30), WINDOW))
                .isEqualTo(3);
        assertThat(nodeB.failures("login-ip", "198.51.100.8", T0.plusSeconds(30), WINDOW))
                .isZero();
    }

    @Test
    void aWindowOlderThanItsLengthCountsNothingAndTheNextFailureStartsANewOne() {
        nodeA.addFailure("login-ip", "198.51.100.9", T0, WINDOW);
        nodeA.addFailure("login-ip", "198.51.100.9", T0, WINDOW);
        assertThat(nodeB.failures("login-ip", "198.51.100.9", T0.plus(WINDOW), WINDOW))
                .isZero();
        assertThat(nodeB.addFailure("login-ip", "198.51.100.9", T0.plus(WINDOW), WINDOW))
                .isEqualTo(1);
    }

    @Test
    void failuresRacingOnTwoNodesAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] f = new Future<?>[40];
            for (int i = 0; i < f.length; i++) {
                ClusterStore node = i % 2 == 0 ? nodeA : nodeB;
                f[i] = pool.submit(() -> node.addFailure("login-ip", "203.0.113.5", T0, WINDOW));
            }
            for (Future<?> x : f) {
                x.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodeA.failures("login-ip", "203.0.113.5", T0, WINDOW)).isEqualTo(40);
    }

    @Test
    void aBudgetSpentOnOneNodeIsSpentOnTheOther() {
        Duration hour = Duration.ofHours(1);
        assertThat(nodeA.take("public-report", "198.51.100.7", 3, hour, T0)).isZero();
        assertThat(nodeB.take("public-report", "198.51.100.7", 3, hour, T0)).isZero();
        assertThat(nodeA.take("public-report", "198.51.100.7", 3, hour, T0)).isZero();
        assertThat(nodeB.take("public-report", "198.51.100.7", 3, hour, T0)).isEqualTo(Duration.ofMinutes(20));
        assertThat(nodeB.take("public-report", "198.51.100.8", 3, hour, T0)).isZero();
        assertThat(nodeA.take("public-report", "198.51.100.7", 3, hour, T0.plus(Duration.ofMinutes(20))))
                .isZero();
    }

    @Test
    void anAnnouncementOfOneNodeIsReadByTheOther() {
        nodeA.announce("account-changed", "zhang.san", T0);
        nodeA.announce("other-topic", "li.si", T0);
        assertThat(nodeB.announcedSince("account-changed", T0.minusSeconds(60)))
                .extracting(ClusterStore.Announcement::subject)
                .containsExactly("zhang.san");
        assertThat(nodeB.announcedSince("account-changed", T0.plusSeconds(1))).isEmpty();
    }
}
