package org.cityops.notify.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A case step opens a savepoint in its transaction only when a trigger may notify someone of it: the 指派监督员
 * of every intake does (the inspector's task), the steps nobody is told of (a dispatch, a 受理 of the 立案 stage)
 * do not.
 */
class TriggerSavepointTests {

    /** Counts the transactions (savepoints) asked for; each one commits at once. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {
        int begun;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun++;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }

    static final class Queued implements Notifications {
        final List<Notice> notices = new ArrayList<>();

        @Override
        public void queue(Notice notice) {
            notices.add(notice);
        }

        @Override
        public List<NoticeRecord> ofEvent(String eventId) {
            return List.of();
        }
    }

    private final CountingTransactions transactions = new CountingTransactions();
    private final Queued queued = new Queued();
    private final NotificationTriggers triggers = new NotificationTriggers(
            queued, transactions, null, nobodyInParticular(), "http://cityops.test", "UNSEALED");

    private static Who nobodyInParticular() {
        return (Who) Proxy.newProxyInstance(
                Who.class.getClassLoader(),
                new Class<?>[] {Who.class},
                (p, m, args) -> m.getReturnType() == List.class
                        ? List.of()
                        : (args != null && args[0] instanceof String s ? s : null));
    }

    private static CaseStepCompleted step(CaseAction action, String assignee) {
        Instant at = Instant.parse("2026-12-07T04:00:00Z");
        return new CaseStepCompleted(
                7L,
                "2026000007",
                action,
                null,
                CaseStatus.PENDING_VERIFY,
                CaseStatus.PENDING_VERIFY,
                "operator1",
                "OPERATOR",
                null,
                "320402",
                "32040200100101",
                at.plusSeconds(3600),
                at,
                true,
                "06010",
                CaseChannel.HOTLINE,
                "320402001001",
                "320402001",
                null,
                false,
                null,
                null,
                assignee,
                assignee,
                null);
    }

    @Test
    void aStepNobodyIsToldOfOpensNoSavepoint() {
        triggers.on(step(CaseAction.DISPATCH, null));
        triggers.on(step(CaseAction.FILE, "inspector1"));

        assertThat(transactions.begun).isZero();
        assertThat(queued.notices).isEmpty();
    }

    @Test
    void theInspectorsTaskOfAnIntakeOpensOneSavepointAndQueuesItsNotice() {
        triggers.on(step(CaseAction.ASSIGN_INSPECTOR, "inspector1"));

        assertThat(transactions.begun).isEqualTo(1);
        assertThat(queued.notices).hasSize(1);
        assertThat(queued.notices.get(0).to()).hasSize(1);
    }
}
