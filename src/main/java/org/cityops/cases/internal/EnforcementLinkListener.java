package org.cityops.cases.internal;

import org.cityops.cases.CaseReferralConcluded;
import org.cityops.cases.CaseReferred;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes the referral events ({@link CaseReferred}, {@link CaseReferralConcluded}; published by the enforcement module
 * when it takes a 12319 case over) to {@link EnforcementLinks}, after the referring step commits.
 */
@Component
class EnforcementLinkListener {

    private final EnforcementLinks links;

    EnforcementLinkListener(EnforcementLinks links) {
        this.links = links;
    }

    @ApplicationModuleListener
    void on(CaseReferred event) {
        links.transferred(event);
    }

    @ApplicationModuleListener
    void on(CaseReferralConcluded event) {
        links.concluded(event);
    }
}
