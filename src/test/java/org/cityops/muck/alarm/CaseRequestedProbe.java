package org.cityops.muck.alarm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityops.cases.CaseRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only: remembers every CaseRequested the muck module publishes (the cases module is not in this branch). */
@Component
class CaseRequestedProbe {

    static final List<CaseRequested> SEEN = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CaseRequested e) {
        SEEN.add(e);
    }
}
