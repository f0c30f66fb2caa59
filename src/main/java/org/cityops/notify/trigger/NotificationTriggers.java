package org.cityops.notify.trigger;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cityops.assessment.AssessmentPublished;
import org.cityops.assessment.PublishedRankings;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.muck.MuckAlarmRaised;
import org.cityops.notify.Notice;
import org.cityops.notify.Notifications;
import org.cityops.rectification.MeasureOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triggers of issue 15: each a synchronous listener, so the notice is queued (the outbox row written) in the
 * transaction of the event that causes it. Anything that goes wrong here is logged and swallowed: a notification
 * never fails the work that caused it. Who gets what is {@link TriggerRules}; docs/notify-triggers.md.
 */
@Component
class NotificationTriggers {

    private static final Logger log = LoggerFactory.getLogger(NotificationTriggers.class);

    private final Notifications notifications;
    private final PublishedRankings rankings;
    private final TriggerRules rules;
    private final TransactionTemplate savepoint;

    NotificationTriggers(
            Notifications notifications,
            PlatformTransactionManager tm,
            PublishedRankings rankings,
            Who who,
            @Value("${cityops.public-base-url:http://localhost:8080}") String baseUrl,
            @Value("${cityops.notify.triggers.muck-alarm-types:UNSEALED,FORBIDDEN_ZONE,ROUTE_DEVIATION}")
                    String muckTypes) {
        this.notifications = notifications;
        // a savepoint in the causing transaction: a failed queue is rolled back alone, the cause commits
        this.savepoint = new TransactionTemplate(tm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.rankings = rankings;
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(muckTypes.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .forEach(types::add);
        this.rules = new TriggerRules(who, baseUrl, types);
    }

    @EventListener
    void on(CaseDeadlineAlert alert) {
        queue("deadline " + alert.caseNumber(), () -> rules.deadline(alert));
    }

    /**
     * Only the two actions that notify anyone open a savepoint: every other step (the 受理 of each intake among
     * them) used to pay two savepoints, each a round trip to the database and back, to learn there was nothing.
     */
    @EventListener
    void on(CaseStepCompleted step) {
        if (step.action() == CaseAction.SUPERVISE) {
            queue("supervise " + step.caseNumber(), () -> rules.supervised(step));
        } else if (step.action() == CaseAction.ASSIGN_INSPECTOR) {
            queue("inspector task " + step.caseNumber(), () -> rules.inspectorTask(step));
        }
    }

    @EventListener
    void on(MuckAlarmRaised alarm) {
        queue("muck alarm " + alarm.alarmId(), () -> rules.muckAlarm(alarm));
    }

    @EventListener
    void on(MeasureOverdue measure) {
        queue("measure overdue " + measure.measureId(), () -> rules.measureOverdue(measure));
    }

    @EventListener
    void on(AssessmentPublished published) {
        try {
            savepoint.executeWithoutResult(s -> rankings.ofPeriod(published.periodId())
                    .ifPresent(r -> rules.assessmentPublished(published, r).forEach(notifications::queue)));
        } catch (RuntimeException e) {
            log.warn("assessment {} published: notices not queued: {}", published.periodId(), e.toString());
        }
    }

    private void queue(String what, Supplier<Optional<Notice>> notice) {
        try {
            savepoint.executeWithoutResult(s -> notice.get().ifPresent(notifications::queue));
        } catch (RuntimeException e) {
            log.warn("{}: notice not queued: {}", what, e.toString());
        }
    }
}
