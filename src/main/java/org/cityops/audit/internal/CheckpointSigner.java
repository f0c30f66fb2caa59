package org.cityops.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cityops.audit.AuditCheckpoint;

/** Signs and checks checkpoints with HMAC-SHA256 under a key that lives outside the database. */
final class CheckpointSigner {

    private final SecretKeySpec key;
    private final String keyId;

    CheckpointSigner(byte[] secret) {
        if (secret == null || secret.length < CheckpointKeys.MIN_BYTES) {
            throw new IllegalArgumentException(
                    "an audit checkpoint key needs at least " + CheckpointKeys.MIN_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        try {
            byte[] id = MessageDigest.getInstance("SHA-256")
                    .digest(concat("cityops-audit-key-id/1:".getBytes(StandardCharsets.UTF_8), secret));
            this.keyId = HexFormat.of().formatHex(id, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identifies the key in exported checkpoints without revealing it. */
    String keyId() {
        return keyId;
    }

    AuditCheckpoint sign(long seq, String hash, Instant at) {
        return new AuditCheckpoint(seq, hash, at, keyId, mac(AuditCheckpoint.signedText(seq, hash, at, keyId)));
    }

    /** True when the checkpoint was signed with this key (compared in constant time). */
    boolean genuine(AuditCheckpoint cp) {
        if (cp.signature() == null || cp.hash() == null || cp.createdAt() == null || cp.keyId() == null) {
            return false;
        }
        byte[] expected = mac(cp.signedText()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = cp.signature().strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
