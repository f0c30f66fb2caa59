package org.cityops.sanitation.collection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityops.sanitation.LedgerChanged;
import org.cityops.sanitation.coverage.LocalFrame;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.fleet.VehicleType;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.PositionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Feeds the positions of collection vehicles (垃圾收运车 in service) to the {@link StopDetector} and stores the
 * visits it finds. Positions of other terminals are dropped at once on the gateway's thread; collection vehicles
 * are few and the detector works in memory, so the detection runs on the caller's thread and writes only when a
 * visit opens or closes (rare). Stop length and radius: {@code cityops.sanitation.collection.min-stop} (default
 * 60 s) and {@code .radius-m} (default 30 m).
 */
@Component
class VisitRunner implements PositionObserver {

    private static final Logger log = LoggerFactory.getLogger(VisitRunner.class);
    private final StopDetector detector;
    private final CollectionRoutes routes;
    private final Fleet fleet;
    private final Clock clock;
    private volatile Set<String> terminals = Set.of();

    VisitRunner(
            CollectionRoutes routes,
            Fleet fleet,
            Clock clock,
            @Value("${cityops.sanitation.collection.min-stop:PT60S}") Duration minStop,
            @Value("${cityops.sanitation.collection.radius-m:30}") double radius) {
        this.detector = new StopDetector(
                new StopDetector.Settings(
                        minStop, radius, StopDetector.Settings.defaults().maxGap()),
                LocalFrame.changzhou());
        this.routes = routes;
        this.fleet = fleet;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        reload();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LedgerChanged changed) {
        reload();
    }

    /** Reloads the points and the collection vehicles. */
    void reload() {
        List<StopDetector.Spot> spots = routes.allPoints().stream()
                .map(p -> new StopDetector.Spot(p.id(), p.lat(), p.lon()))
                .toList();
        Set<String> known = Set.copyOf(fleet.inService().stream()
                .filter(v -> v.type() == VehicleType.COLLECTOR)
                .map(SanitationVehicle::terminal)
                .toList());
        synchronized (detector) {
            detector.points(spots);
        }
        terminals = known;
        log.debug("collection visits: {} points, {} vehicles", spots.size(), known.size());
    }

    @Override
    public void onPositions(List<Position> batch) {
        Set<String> known = terminals;
        List<StopDetector.Fix> fixes = new ArrayList<>();
        for (Position p : batch) {
            if (known.contains(p.terminal())) {
                fixes.add(new StopDetector.Fix(p.terminal(), p.time(), p.lat(), p.lon()));
            }
        }
        if (fixes.isEmpty()) {
            return;
        }
        List<StopDetector.Visit> visits;
        synchronized (detector) {
            visits = detector.accept(fixes);
        }
        write(visits);
    }

    /** Closes the visits of vehicles gone quiet at a point, every 30 s. */
    // Per node, no cluster lock: the detector is this node's in-memory state (docs/scale-out.md).
    @Scheduled(fixedDelayString = "${cityops.sanitation.tick:PT30S}")
    void tick() {
        List<StopDetector.Visit> visits;
        synchronized (detector) {
            visits = detector.closeIdle(clock.instant());
        }
        write(visits);
    }

    private void write(List<StopDetector.Visit> visits) {
        if (visits.isEmpty()) {
            return;
        }
        try {
            routes.record(visits);
        } catch (RuntimeException e) {
            log.error("writing {} collection visits failed", visits.size(), e);
        }
    }
}
