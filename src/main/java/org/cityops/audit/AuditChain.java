package org.cityops.audit;

import java.util.List;

/** Verifying the audit chain and its signed checkpoints. */
public interface AuditChain {

    /**
     * Links what is pending, then checks the entries after the newest signed checkpoint (whose signature and entry
     * are checked first) up to the stored chain head, so that an edited, inserted or removed entry after the
     * checkpoint and removal of the newest entries are found. When valid, signs a new checkpoint at the head.
     */
    ChainVerification verify();

    /** The same from the first entry, checking every checkpoint on the way (slow on a long chain: ADMIN only). */
    ChainVerification verifyFull();

    /** Signed checkpoints, newest first. */
    List<AuditCheckpoint> checkpoints(int limit, int offset);

    long checkpointCount();

    /**
     * Checks a checkpoint kept outside (exported earlier) against the key and the chain as it is now.
     *
     * @return null when it is genuine and the chain still has that entry with that hash; otherwise why not
     */
    String check(AuditCheckpoint exported);
}
