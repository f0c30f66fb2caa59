package org.cityops.notify;

import java.util.List;

/** The one way to tell people something outside the app (SMS, robots, e-mail). */
public interface Notifications {

    /**
     * Queues a notice in the caller's transaction (outbox). Idempotent: a second call with the same event id
     * and recipient is ignored. Never throws because of a channel or a recipient without contact details; an
     * invalid notice (unknown placeholder value missing, no recipients) is refused with an
     * {@link org.cityops.platform.InvalidInputException}.
     */
    void queue(Notice notice);

    /** What was queued for one event id, one row per recipient and channel (for pages and tests). */
    List<NoticeRecord> ofEvent(String eventId);
}
