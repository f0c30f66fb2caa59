package org.cityops.notify.internal;

import java.time.Clock;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.ConflictException;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 死信: 重新发送 puts a dead letter back in line with a fresh count of attempts (audited). */
@Service
public class DeadLetters {

    private final OutboxStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final NoticeDispatcher dispatcher;

    public DeadLetters(OutboxStore store, AuditTrail audit, Clock clock, NoticeDispatcher dispatcher) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Transactional
    public void resend(long id) {
        OutboxStore.Row row = store.find(id).orElseThrow(() -> new NotFoundException("没有这条发送记录"));
        if (!store.resend(id, clock.instant())) {
            throw new ConflictException("只有发送失败（死信）的记录可以重新发送");
        }
        audit.record(
                "NOTIFY_OUTBOX",
                String.valueOf(id),
                "RESEND",
                "DEAD " + row.channel() + " " + row.recipient() + " attempts=" + row.attempts() + " error="
                        + row.lastError(),
                "PENDING " + row.channel() + " " + row.recipient());
        dispatcher.wake();
    }
}
