package org.cityops.telemetry.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Observed up to": a node that dies with stored positions its observers have not confirmed (queued in the muck
 * alarm engine, say) leaves them to the next owner of the partition, which hands them to its replaying observers
 * again and never stores them again. Rules on an in-memory log and track store, without Spring.
 */
class ObservedOffsetTests {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    static final String STREAM = "S";
    static final int TERMINALS = 8;
    static final int SECONDS = 20;

    final MemoryPositionLog positionLog = new MemoryPositionLog(4);
    final MemoryTrackStore store = new MemoryTrackStore();
    final List<PartitionedTrackWriter> nodes = new ArrayList<>();

    /** Records what it is handed; confirms only when told to (its confirmations are held meanwhile). */
    static final class Watcher implements PositionObserver {
        final boolean replays;
        final boolean confirmAtOnce;
        final List<Position> seen = new CopyOnWriteArrayList<>();
        final List<List<Position>> heldBatches = new CopyOnWriteArrayList<>();
        final List<Runnable> held = new CopyOnWriteArrayList<>();

        Watcher(boolean replays, boolean confirmAtOnce) {
            this.replays = replays;
            this.confirmAtOnce = confirmAtOnce;
        }

        @Override
        public void onPositions(List<Position> batch) {
            seen.addAll(batch);
        }

        @Override
        public void onPositions(List<Position> batch, Runnable observed) {
            seen.addAll(batch);
            if (confirmAtOnce) {
                observed.run();
            } else {
                heldBatches.add(List.copyOf(batch));
                held.add(observed);
            }
        }

        @Override
        public boolean replaysAfterTakeover() {
            return replays;
        }

        /** Confirms the first {@code n} batches held; returns their positions. */
        Set<String> confirmFirst(int n) {
            Set<String> confirmed = new HashSet<>();
            for (int i = 0; i < n; i++) {
                held.get(i).run();
                heldBatches.get(i).forEach(p -> confirmed.add(key(p)));
            }
            return confirmed;
        }
    }

    static String key(Position p) {
        return p.terminal() + "@" + p.time();
    }

    void publish() {
        for (int s = 0; s < SECONDS; s++) {
            for (int t = 0; t < TERMINALS; t++) {
                String terminal = String.valueOf(13900002000L + t);
                Position p = new Position(terminal, T0.plusSeconds(s), 32, 118.8, 20, 0, 0, 0, null, null);
                positionLog.append(terminal + "-" + s, List.of(p), outcome -> {});
            }
        }
    }

    PartitionedTrackWriter node(PositionObserver... observers) {
        PartitionedTrackWriter writer = new PartitionedTrackWriter(
                positionLog, STREAM, PartitionLeases.all(4), store, () -> List.of(observers), 8, 50);
        nodes.add(writer);
        return writer;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(PartitionedTrackWriter::stop);
    }

    @Test
    void positionsStoredButNotConfirmedAreHandedAgainToTheNextOwnersReplayingObserversAndNotStoredAgain()
            throws Exception {
        publish();
        Watcher engineA = new Watcher(true, false);
        PartitionedTrackWriter a = node(engineA);
        a.start();
        await(() -> store.size() == TERMINALS * SECONDS && engineA.seen.size() == TERMINALS * SECONDS);
        Set<String> confirmedByA = engineA.confirmFirst(engineA.held.size() / 2);
        await(() -> a.unconfirmedBatches() == engineA.held.size() - engineA.held.size() / 2);
        a.stop(); // the node is gone; the batches its engine still held are never confirmed

        Watcher engineB = new Watcher(true, true);
        Watcher coverageB = new Watcher(false, true);
        PartitionedTrackWriter b = node(engineB, coverageB);
        b.start();
        await(() -> b.owned().size() == 4 && b.unconfirmedBatches() == 0 && b.replayedCount() > 0);
        Thread.sleep(200); // anything stored or handed twice would show up now

        assertThat(store.size()).isEqualTo(TERMINALS * SECONDS);
        assertThat(b.counters().stored()).isZero();
        Set<String> replayed = new HashSet<>();
        engineB.seen.forEach(p -> replayed.add(key(p)));
        assertThat(engineB.seen).hasSize(replayed.size()); // each handed again once
        Set<String> evaluated = new HashSet<>(confirmedByA);
        evaluated.addAll(replayed);
        assertThat(evaluated).hasSize(TERMINALS * SECONDS);
        assertThat(replayed.size()).isLessThan(TERMINALS * SECONDS);
        assertThat(b.replayedCount()).isEqualTo(replayed.size());
        assertThat(coverageB.seen).isEmpty();
        for (int p = 0; p < 4; p++) {
            int partition = p;
            await(() -> store.observedOffset(STREAM, partition) == store.offset(STREAM, partition));
        }
    }

    @Test
    void whenEveryBatchWasConfirmedTheNextOwnerHandsNothingAgain() throws Exception {
        publish();
        Watcher engineA = new Watcher(true, true);
        PartitionedTrackWriter a = node(engineA);
        a.start();
        await(() -> store.size() == TERMINALS * SECONDS && a.unconfirmedBatches() == 0);
        a.stop();

        Watcher engineB = new Watcher(true, true);
        PartitionedTrackWriter b = node(engineB);
        b.start();
        await(() -> b.owned().size() == 4);
        Thread.sleep(200);

        assertThat(engineB.seen).isEmpty();
        assertThat(b.replayedCount()).isZero();
        for (int p = 0; p < 4; p++) {
            assertThat(store.observedOffset(STREAM, p)).isEqualTo(store.offset(STREAM, p));
        }
    }

    @Test
    void aBatchCountsAsObservedOnlyWhenEveryBatchBeforeItIsConfirmedByEveryObserver() {
        Observations observations = new Observations();
        List<Runnable> first = observations.hand(Map.of(0, 10L, 1, 4L), 2);
        List<Runnable> second = observations.hand(Map.of(0, 12L), 1);
        List<Runnable> third = observations.hand(Map.of(1, 9L), 0);

        second.get(0).run();
        first.get(0).run();
        first.get(0).run(); // a second call of one observer's callback counts once
        assertThat(observations.drainConfirmed()).isEmpty();

        first.get(1).run();
        assertThat(observations.drainConfirmed()).isEqualTo(Map.of(0, 12L, 1, 9L));
        assertThat(observations.pending()).isZero();
        assertThat(third).isEmpty();
    }
}
