package org.cityops.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;

class CheckpointKeysTests {

    static final String KEY = "k".repeat(32);

    @Test
    void withoutAKeyOutsideDemoAndTestStartUpFailsWithAPlainAnswer() {
        assertThatThrownBy(() -> CheckpointKeys.load("", "", false))
                .isInstanceOf(CheckpointKeyException.class)
                .hasMessageContaining("neither cityops.audit.checkpoint-key nor cityops.audit.checkpoint-key-file");

        var startUp =
                new BeanCreationException("auditChainService", "failed", new CheckpointKeyException("neither is set"));
        var analysis = new CheckpointKeyFailureAnalyzer().analyze(startUp);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("key to sign audit checkpoints");
        assertThat(analysis.getAction()).contains("CITYOPS_AUDIT_CHECKPOINT_KEY");
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> CheckpointKeys.load("short", null, true))
                .isInstanceOf(CheckpointKeyException.class)
                .hasMessageContaining("at least 32");
    }

    @Test
    void theKeyIsReadFromConfigurationOrFromAFile(@TempDir Path dir) throws Exception {
        assertThat(CheckpointKeys.load(KEY, null, false)).isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("audit.key");
        Files.writeString(file, "  " + KEY + "\n");
        assertThat(CheckpointKeys.load(null, file.toString(), false)).isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingKeyFileIsAnErrorUnlessTheProfileMayGenerateOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/audit.key");
        assertThatThrownBy(() -> CheckpointKeys.load(null, file.toString(), false))
                .isInstanceOf(CheckpointKeyException.class)
                .hasMessageContaining("does not exist");

        byte[] generated = CheckpointKeys.load(null, file.toString(), true);
        assertThat(generated.length).isGreaterThanOrEqualTo(32);
        assertThat(CheckpointKeys.load(null, file.toString(), false))
                .as("the same key after a restart")
                .isEqualTo(generated);
    }

    @Test
    void checkpointsSignedWithOneKeyAreNotGenuineUnderAnother() {
        var one = new CheckpointSigner(KEY.getBytes(StandardCharsets.UTF_8));
        var other = new CheckpointSigner(("x" + KEY).getBytes(StandardCharsets.UTF_8));
        var cp = one.sign(7, "a".repeat(64), java.time.Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(one.genuine(cp)).isTrue();
        assertThat(other.genuine(cp)).isFalse();
        assertThat(one.keyId()).isNotEqualTo(other.keyId()).hasSize(16);
    }
}
