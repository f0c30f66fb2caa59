package org.cityops.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency records of intake ({@code case_idempotency}): which case a caller's {@code Idempotency-Key} created,
 * with a digest of the request it came with, so a replay returns that case and a reuse for another body is a 409.
 */
@Repository
class IdempotencyRecords {

    static final int MAX_KEY = 200;

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key as stored, scoped to the caller (one caller cannot replay another's); null without a key. */
    static String scoped(String username, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        String key = username + ":" + idempotencyKey.strip();
        if (key.length() > MAX_KEY) {
            throw new InvalidInputException("Idempotency-Key 过长 too long", "Idempotency-Key");
        }
        return key;
    }

    /** SHA-256 of what the intake carries, field by field. */
    static String hash(NewCase in) {
        String canonical = String.join(
                "\u0001",
                Objects.toString(in.channel()),
                Objects.toString(in.categoryCode()),
                Objects.toString(in.description()),
                Objects.toString(in.lat()),
                Objects.toString(in.lon()),
                Objects.toString(in.address()),
                Objects.toString(in.urgency()),
                Objects.toString(in.reporterName()),
                Objects.toString(in.reporterPhone()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case an earlier request with this key created; 409 when that request had another body. */
    Optional<Long> caseOf(String key, String hash) {
        return jdbc.sql("SELECT request_hash, case_id FROM case_idempotency WHERE idem_key = :k")
                .param("k", key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(hash)) {
                        throw new ConflictException(
                                "Idempotency-Key 已用于另一个请求 key was already used for a different request",
                                "Idempotency-Key");
                    }
                    return rs.getLong(2);
                })
                .optional();
    }

    /** In the intake's transaction: a concurrent first use of the same key fails on the primary key. */
    void record(String key, String hash, long caseId, Instant at) {
        jdbc.sql("INSERT INTO case_idempotency (idem_key, request_hash, case_id, created_at) VALUES (:k, :h, :c, :t)")
                .param("k", key)
                .param("h", hash)
                .param("c", caseId)
                .param("t", DbTime.toDb(at))
                .update();
    }
}
