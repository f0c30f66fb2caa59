package org.cityops.audit;

import java.time.Instant;

/**
 * A signed statement "the chain was verified up to entry {@code seq}, whose hash is {@code hash}", made by cityops
 * with a key that is not in the database (HMAC-SHA256). Exported and kept elsewhere, it lets anyone holding the key
 * (or cityops itself, see {@link AuditChain#check}) prove later that nothing up to that entry was rewritten.
 *
 * @param seq        chain position of the entry
 * @param hash       that entry's chain hash (64 hex)
 * @param createdAt  when the checkpoint was signed
 * @param keyId      identifies the signing key (not the key itself)
 * @param signature  HMAC-SHA256 of {@link #signedText()} in hex
 */
public record AuditCheckpoint(long seq, String hash, Instant createdAt, String keyId, String signature) {

    public static final String ALGORITHM = "HMAC-SHA256";

    /** Exactly the text that is signed: {@code cityops-audit-checkpoint/1}, seq, hash, time and key id, one a line. */
    public String signedText() {
        return signedText(seq, hash, createdAt, keyId);
    }

    public static String signedText(long seq, String hash, Instant createdAt, String keyId) {
        return "cityops-audit-checkpoint/1\n" + seq + "\n" + hash + "\n" + createdAt + "\n" + keyId;
    }
}
