package org.cityops.audit;

import java.time.Instant;

/** One recorded change, as read back. {@code chainSeq} and {@code hash} are null until the chainer has linked it. */
public record AuditEntry(
        long id,
        Long chainSeq,
        Instant occurredAt,
        String username,
        String role,
        String clientIp,
        String entityType,
        String entityId,
        String action,
        String before,
        String after,
        String prevHash,
        String hash) {}
