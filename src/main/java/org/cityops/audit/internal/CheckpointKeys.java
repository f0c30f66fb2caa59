package org.cityops.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the checkpoint key comes from: {@code cityops.audit.checkpoint-key} (the secret itself) or
 * {@code cityops.audit.checkpoint-key-file} (a file holding it, surrounding white space ignored; used when the key
 * itself is not set), at least {@value #MIN_BYTES} bytes. Only with {@code cityops.audit.checkpoint-key-generate} (the demo and test
 * profiles) may a missing key be made up: written to the key file when one is named (so it survives a restart), else
 * kept in memory for this process.
 */
final class CheckpointKeys {

    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);

    private CheckpointKeys() {}

    static byte[] load(String key, String keyFile, boolean generate) {
        boolean hasKey = key != null && !key.isBlank();
        boolean hasFile = keyFile != null && !keyFile.isBlank();
        if (hasKey) {
            return checked(key.strip().getBytes(StandardCharsets.UTF_8), "cityops.audit.checkpoint-key");
        }
        if (hasFile) {
            Path file = Path.of(keyFile.strip());
            if (Files.isRegularFile(file)) {
                try {
                    return checked(
                            Files.readString(file, StandardCharsets.UTF_8)
                                    .strip()
                                    .getBytes(StandardCharsets.UTF_8),
                            "the key file " + file.toAbsolutePath());
                } catch (IOException e) {
                    throw new CheckpointKeyException("the key file " + file.toAbsolutePath() + " cannot be read", e);
                }
            }
            if (!generate) {
                throw new CheckpointKeyException("the key file " + file.toAbsolutePath() + " does not exist");
            }
            return createFile(file);
        }
        if (!generate) {
            throw new CheckpointKeyException(
                    "neither cityops.audit.checkpoint-key nor cityops.audit.checkpoint-key-file" + " is set");
        }
        log.warn("cityops.audit.checkpoint-key is not set: audit checkpoints are signed with a random key that ends"
                + " with this process (demo/test only)");
        return random().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] createFile(Path file) {
        String secret = random();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions
            }
        } catch (IOException e) {
            throw new CheckpointKeyException("the key file " + file.toAbsolutePath() + " cannot be created", e);
        }
        log.warn(
                "Created the audit checkpoint key file {} (demo): keep it outside the database's backups",
                file.toAbsolutePath());
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] checked(byte[] secret, String where) {
        if (secret.length < MIN_BYTES) {
            throw new CheckpointKeyException(
                    where + " holds " + secret.length + " bytes; at least " + MIN_BYTES + " are needed");
        }
        return secret;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
