package org.cityops.stats.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityops.stats.internal.RollupChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The walls connected to {@code /api/v1/command/stream}. When the roll-up took in something new (after its
 * transaction committed), each wall whose area covers the case's district is told, and reloads its numbers.
 *
 * <p>A plain listener that defers itself to the commit, not a {@code @TransactionalEventListener}: Spring Modulith
 * keeps an {@code event_publication} row (JSON, insert, then delete on completion) for every after-commit
 * transactional listener, i.e. for every case step the roll-up takes in, to nudge walls that may not even be
 * connected. A missed nudge costs nothing (the next one, or the wall's own refresh, reloads the numbers).
 */
@Component
class CommandStream {

    /** A wall connection and the area prefix it shows. */
    record Wall(SseEmitter emitter, String area) {}

    private final List<Wall> walls = new CopyOnWriteArrayList<>();

    SseEmitter connect(String area) {
        SseEmitter emitter = new SseEmitter(0L);
        Wall wall = new Wall(emitter, area);
        walls.add(wall);
        emitter.onCompletion(() -> walls.remove(wall));
        emitter.onTimeout(() -> walls.remove(wall));
        emitter.onError(e -> walls.remove(wall));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}"));
        } catch (IOException e) {
            walls.remove(wall);
        }
        return emitter;
    }

    int connected() {
        return walls.size();
    }

    @EventListener
    void on(RollupChanged e) {
        if (walls.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tell(e);
                }
            });
        } else {
            tell(e);
        }
    }

    private void tell(RollupChanged e) {
        String district = e.districtCode() == null ? "" : e.districtCode();
        for (Wall w : walls) {
            if (!w.area().isEmpty()
                    && !district.startsWith(w.area())
                    && !w.area().startsWith(district)) {
                continue;
            }
            try {
                w.emitter()
                        .send(SseEmitter.event()
                                .name("changed")
                                .data("{\"caseId\":" + e.caseId() + ",\"district\":\"" + district + "\"}"));
            } catch (IOException | IllegalStateException ex) {
                walls.remove(w);
            }
        }
    }
}
