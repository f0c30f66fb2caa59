package org.cityops.sanitation.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores the positions of workers' devices (JT/T 808 personal terminals or forwarded over HTTP) for the attendance
 * sheet. Other terminals are dropped at once on the caller's thread (one set lookup per position); workers are few
 * and report every 30–60 s, so their positions are written in the caller's thread, once per batch.
 */
@Component
class AttendanceRunner implements PositionObserver {

    private static final Logger log = LoggerFactory.getLogger(AttendanceRunner.class);
    private final Workers workers;
    private final WorkerPositions positions;
    private volatile Set<String> terminals = Set.of();

    AttendanceRunner(Workers workers, WorkerPositions positions) {
        this.workers = workers;
        this.positions = positions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        reload();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LedgerChanged changed) {
        reload();
    }

    void reload() {
        terminals = Set.copyOf(workers.activeTerminals().keySet());
    }

    @Override
    public void onPositions(List<Position> batch) {
        Set<String> known = terminals;
        if (known.isEmpty()) {
            return;
        }
        List<WorkerPositions.Fix> fixes = new ArrayList<>();
        for (Position p : batch) {
            if (known.contains(p.terminal())) {
                fixes.add(new WorkerPositions.Fix(p.terminal(), p.time(), p.lat(), p.lon()));
            }
        }
        if (fixes.isEmpty()) {
            return;
        }
        try {
            positions.record(fixes);
        } catch (RuntimeException e) {
            log.error("writing {} worker positions failed", fixes.size(), e);
        }
    }
}
