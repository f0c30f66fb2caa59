package org.cityops.notify;

import java.time.Instant;

/**
 * One queued delivery: a notice to one recipient over one channel.
 *
 * @param recipient the account name, the masked phone number or the group name
 * @param channel   SMS, WECOM, DINGTALK, EMAIL or LOG
 * @param status    PENDING, SENT, HELD (quiet hours), DEAD (gave up), SKIPPED (no contact details)
 */
public record NoticeRecord(
        String eventId,
        NoticeKind kind,
        String recipient,
        String channel,
        String status,
        String text,
        Instant queuedAt) {}
