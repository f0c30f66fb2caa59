package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The track store's promises, on whichever database the suite runs (H2, and PostgreSQL in CI, where the fast
 * COPY path, its fall-back and the trailing latest-position table are what is tested).
 */
@IntegrationTest
class TrackStoreTests {

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private JdbcTrackStore store(Duration lastPositionInterval) {
        JdbcTrackStore store = new JdbcTrackStore(dataSource, Clock.systemUTC(), lastPositionInterval);
        store.latest(); // as the writer does at start
        return store;
    }

    private static String terminal() {
        return "16" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private static Position at(String terminal, int second) {
        return new Position(
                terminal,
                T0.plusSeconds(second).plusMillis(250),
                31.78 + second * 1e-5,
                119.95,
                30.0,
                90,
                0,
                3,
                1000.0 + second,
                10);
    }

    private long rows(String terminal) {
        return jdbc.sql("SELECT COUNT(*) FROM telemetry_position WHERE terminal = :t")
                .param("t", terminal)
                .query(Long.class)
                .single();
    }

    @Test
    void a_position_is_new_once_whether_repeated_in_the_same_batch_or_in_a_later_one() {
        JdbcTrackStore store = store(Duration.ofSeconds(1));
        String t = terminal();

        assertThat(store.append(List.of(at(t, 1), at(t, 2), at(t, 2)))).containsExactly(true, true, false);
        assertThat(store.append(List.of(at(t, 2), at(t, 3), at(t, 1)))).containsExactly(false, true, false);
        assertThat(rows(t)).isEqualTo(3);
    }

    @Test
    void a_late_blind_area_position_is_stored_between_the_ones_already_there() {
        JdbcTrackStore store = store(Duration.ofSeconds(1));
        String t = terminal();
        store.append(List.of(at(t, 10), at(t, 30)));

        assertThat(store.append(List.of(at(t, 20), at(t, 10), at(t, 20), at(t, 31))))
                .containsExactly(true, false, false, true);
        assertThat(store.track(t, T0, T0.plusSeconds(60), 10))
                .extracting(Position::time)
                .containsExactly(
                        at(t, 10).time(),
                        at(t, 20).time(),
                        at(t, 30).time(),
                        at(t, 31).time());
    }

    @Test
    void a_second_writer_that_missed_rows_still_stores_each_row_once() {
        JdbcTrackStore first = store(Duration.ofSeconds(1));
        JdbcTrackStore second = store(Duration.ofSeconds(1));
        String t = terminal();
        first.append(List.of(at(t, 1), at(t, 2), at(t, 3)));

        assertThat(second.append(List.of(at(t, 2), at(t, 4)))).containsExactly(false, true);
        assertThat(rows(t)).isEqualTo(4);
        if (second.postgres()) {
            assertThat(second.slowBatches()).isEqualTo(1);
        }
    }

    @Test
    void after_a_crash_the_latest_position_is_the_newest_stored_even_if_the_latest_table_trailed() {
        JdbcTrackStore before = store(Duration.ofHours(1)); // never flushed by time: as if it crashed
        String t = terminal();
        before.append(List.of(at(t, 1)));
        before.append(List.of(at(t, 5), at(t, 3)));

        assertThat(store(Duration.ofSeconds(1)).latest().get(t).time()).isEqualTo(at(t, 5).time());
    }

    @Test
    void the_latest_table_holds_a_terminals_first_position_at_once_and_its_newest_after_a_flush() {
        JdbcTrackStore store = store(Duration.ofHours(1));
        String t = terminal();
        store.append(List.of(at(t, 1)));
        assertThat(latestInTable(t)).isEqualTo(at(t, 1).time());

        store.append(List.of(at(t, 7)));
        store.flushLatest(true);

        assertThat(latestInTable(t)).isEqualTo(at(t, 7).time());
        assertThat(store.pendingLatest()).isZero();
    }

    private Instant latestInTable(String terminal) {
        return jdbc.sql("SELECT reported_at FROM telemetry_last_position WHERE terminal = :t")
                .param("t", terminal)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
    }

    @Test
    void the_observed_mark_of_a_log_partition_starts_at_zero_and_only_moves_forward() {
        JdbcTrackStore store = store(Duration.ZERO);
        String stream = "T" + terminal();
        store.append(List.of(at(terminal(), 1)), stream, java.util.Map.of(3, new long[] {0, 40}));
        assertThat(store.observedOffset(stream, 3)).isZero();

        store.moveObserved(stream, java.util.Map.of(3, 30L));
        store.moveObserved(stream, java.util.Map.of(3, 20L)); // a late write of a node that lost the partition

        assertThat(store.observedOffset(stream, 3)).isEqualTo(30);
        assertThat(store.offset(stream, 3)).isEqualTo(40);
    }
}
