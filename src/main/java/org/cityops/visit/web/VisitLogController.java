package org.cityops.visit.web;

import java.util.List;
import org.cityops.platform.NotFoundException;
import org.cityops.visit.internal.VisitLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN only, and only while notifications are in LOG mode ({@code cityops.notify.mode=log}, the demo's): the
 * newest 回访 links with the SMS text exactly as queued, so the demo (and its browser test) can follow a link no
 * phone received. In live mode it does not exist (404): the links are then only in the citizens' SMS.
 */
@RestController
class VisitLogController {

    private final VisitLinks links;
    private final boolean logMode;

    VisitLogController(VisitLinks links, @Value("${cityops.notify.mode:log}") String mode) {
        this.links = links;
        this.logMode = "log".equalsIgnoreCase(mode.strip());
    }

    @GetMapping("/api/v1/visit/log-links")
    @PreAuthorize("hasRole('ADMIN')")
    List<VisitLinks.LoggedLink> logged(@RequestParam(defaultValue = "20") int limit) {
        if (!logMode) {
            throw new NotFoundException("仅在通知日志模式下可用 only in notify log mode");
        }
        return links.logged(limit);
    }
}
