package org.cityops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The SHA-256 of one row of a module's own table (e.g. a case step), recorded with the audit entry of the change
 * that wrote it. The digest is part of the entry's chain hash, so the chain vouches for the row: a verification
 * asks the owning module ({@link AuditedTable}) to recompute the digest of the row as it is now and reports a row
 * that was edited or deleted behind the application's back.
 *
 * @param table  the owning module's table, e.g. {@code case_step}
 * @param rowId  the row's id
 * @param sha256 64 hex characters, from {@link #of}
 */
public record RecordDigest(String table, long rowId, String sha256) {

    /**
     * The digest of a row from its fields in a fixed order. Each field is written length-prefixed (null distinct
     * from empty); instants at the microsecond precision the database keeps, so the digest of a row as written
     * equals the digest of the same row read back.
     */
    public static RecordDigest of(String table, long rowId, Object... fields) {
        StringBuilder sb =
                new StringBuilder(256).append(table).append('/').append(rowId).append('|');
        for (Object field : fields) {
            String text = field instanceof Instant i
                    ? i.truncatedTo(ChronoUnit.MICROS).toString()
                    : field == null ? null : field.toString();
            if (text == null) {
                sb.append("-1:");
            } else {
                sb.append(text.length()).append(':').append(text);
            }
            sb.append('|');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return new RecordDigest(table, rowId, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
