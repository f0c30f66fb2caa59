package org.cityops.cases.internal;

import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case (channel ALERT unless the request names another, e.g. MEDIA for 网络舆情) when another module asks ({@link CaseRequested}) and answers with
 * {@link CaseOpened}. A replayed request (same module and reference) answers with the case already opened.
 * Bad requests (unknown category, outside the city) answer with a failure instead of retrying forever.
 */
@Component
class RequestedCaseListener {

    private static final Logger log = LoggerFactory.getLogger(RequestedCaseListener.class);

    private final CaseService cases;
    private final ApplicationEventPublisher events;

    RequestedCaseListener(CaseService cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(CaseRequested request) {
        String description = request.description();
        if (request.evidence() != null && !request.evidence().isBlank()) {
            description = (description == null ? "" : description + "\n") + "证据 evidence: " + request.evidence();
        }
        if (description != null && description.length() > CaseService.MAX_DESCRIPTION) {
            description = description.substring(0, CaseService.MAX_DESCRIPTION);
        }
        NewCase in = new NewCase(
                request.channel() == null ? CaseChannel.ALERT : request.channel(),
                request.categoryCode(),
                description,
                request.lat(),
                request.lon(),
                request.address(),
                null,
                null,
                null);
        String key = "alert:" + request.sourceModule() + ":" + request.sourceRef();
        try {
            CaseService.Intake intake =
                    cases.intake(in, StaffMember.SYSTEM, key, request.sourceModule(), request.sourceRef());
            events.publishEvent(new CaseOpened(
                    request.sourceModule(), request.sourceRef(), intake.caseId(), intake.caseNumber(), null));
        } catch (DomainException refused) {
            log.warn(
                    "Case request {}:{} refused: {}",
                    request.sourceModule(),
                    request.sourceRef(),
                    refused.getMessage());
            events.publishEvent(
                    new CaseOpened(request.sourceModule(), request.sourceRef(), null, null, refused.getMessage()));
        }
    }
}
