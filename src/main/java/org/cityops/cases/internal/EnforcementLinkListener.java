package org.cityops.cases.internal;

import org.cityops.enforcement.EnforcementCaseConcluded;
import org.cityops.enforcement.EnforcementCaseOpened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Takes the enforcement module's transfer events to {@link EnforcementLinks} (after the enforcement step commits). */
@Component
class EnforcementLinkListener {

    private final EnforcementLinks links;

    EnforcementLinkListener(EnforcementLinks links) {
        this.links = links;
    }

    @ApplicationModuleListener
    void on(EnforcementCaseOpened event) {
        links.transferred(event);
    }

    @ApplicationModuleListener
    void on(EnforcementCaseConcluded event) {
        links.concluded(event);
    }
}
