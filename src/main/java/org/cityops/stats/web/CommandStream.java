package org.cityops.stats.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityops.stats.internal.RollupChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The walls connected to {@code /api/v1/command/stream}. When the roll-up took in something new (after its
 * transaction committed), each wall whose area covers the case's district is told, and reloads its numbers.
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(RollupChanged e) {
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
