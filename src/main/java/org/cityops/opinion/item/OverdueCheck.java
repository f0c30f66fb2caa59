package org.cityops.opinion.item;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the 超期督办 check of forwarded items ({@link OpinionItems#escalateOverdue}) every minute by default. */
@Component
class OverdueCheck {

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final OpinionItems items;

    OverdueCheck(OpinionItems items) {
        this.items = items;
    }

    @Scheduled(fixedDelayString = "${cityops.opinion.overdue-interval:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "opinion.overdue", lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
    void run() {
        try {
            int n = items.escalateOverdue();
            if (n > 0) {
                log.info("舆情回复超期 {} item(s) escalated", n);
            }
        } catch (RuntimeException e) {
            log.warn("舆情超期检查失败 overdue check failed: {}", e.toString());
        }
    }
}
