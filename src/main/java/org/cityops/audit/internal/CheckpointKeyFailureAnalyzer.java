package org.cityops.audit.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why cityops did not start when the audit checkpoint key is missing or too short. */
public class CheckpointKeyFailureAnalyzer extends AbstractFailureAnalyzer<CheckpointKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CheckpointKeyException cause) {
        return new FailureAnalysis(
                "cityops needs a key to sign audit checkpoints: " + cause.getMessage(),
                "Set cityops.audit.checkpoint-key (environment CITYOPS_AUDIT_CHECKPOINT_KEY) to a random secret of at"
                        + " least 32 bytes, e.g. the output of `openssl rand -base64 32`, or"
                        + " cityops.audit.checkpoint-key-file (CITYOPS_AUDIT_CHECKPOINT_KEY_FILE) to a file holding"
                        + " one. Keep it out of the database and its backups, and keep it: checkpoints signed with a"
                        + " lost key can no longer be checked (see docs/security.md).",
                cause);
    }
}
