package org.cityops.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** SHA-256 over an entry's content and its predecessor's hash: the link that makes tampering visible. */
final class HashChain {

    static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    static String hash(ChainRow e, String prevHash) {
        return hash(
                e.seq(),
                e.occurredAt(),
                e.username(),
                e.role(),
                e.clientIp(),
                e.entityType(),
                e.entityId(),
                e.action(),
                e.before(),
                e.after(),
                prevHash,
                e.recordTable(),
                e.recordId(),
                e.recordDigest());
    }

    /**
     * Entries without a row digest hash the eleven fields they always had (so chains linked before row digests
     * existed still verify); an entry with one hashes three fields more. Fields are length-prefixed, so the text
     * parses back into one field list only and the two forms cannot collide.
     */
    static String hash(
            long chainSeq,
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
            String recordTable,
            Long recordId,
            String recordDigest) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, Long.toString(chainSeq));
        append(sb, occurredAt.toString());
        append(sb, username);
        append(sb, role);
        append(sb, clientIp);
        append(sb, entityType);
        append(sb, entityId);
        append(sb, action);
        append(sb, before);
        append(sb, after);
        append(sb, prevHash);
        if (recordTable != null || recordId != null || recordDigest != null) {
            append(sb, recordTable);
            append(sb, recordId == null ? null : recordId.toString());
            append(sb, recordDigest);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Length-prefixed so that no two different field lists produce the same text. */
    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
