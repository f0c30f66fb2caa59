package org.cityops.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.notify.Recipient;
import org.springframework.stereotype.Component;

/**
 * Placeholder until the outbox lands: keeps queued notices in memory (LOG channel) so that triggers can be built
 * and tested against {@link Notifications}. Replaced by the outbox implementation.
 */
@Component
class InterimNotifications implements Notifications {

    private final List<NoticeRecord> queued = new CopyOnWriteArrayList<>();

    @Override
    public void queue(Notice notice) {
        for (Recipient r : notice.to()) {
            String who = r instanceof Recipient.Staff s
                    ? s.username()
                    : r instanceof Recipient.Phone p ? p.number() : ((Recipient.Group) r).name();
            boolean seen = queued.stream()
                    .anyMatch(q -> q.eventId().equals(notice.eventId())
                            && q.recipient().equals(who));
            if (!seen) {
                queued.add(new NoticeRecord(
                        notice.eventId(),
                        notice.kind(),
                        who,
                        "LOG",
                        "SENT",
                        notice.values().toString(),
                        Instant.now()));
            }
        }
    }

    @Override
    public List<NoticeRecord> ofEvent(String eventId) {
        List<NoticeRecord> out = new ArrayList<>();
        for (NoticeRecord r : queued) {
            if (r.eventId().equals(eventId)) out.add(r);
        }
        return out;
    }
}
