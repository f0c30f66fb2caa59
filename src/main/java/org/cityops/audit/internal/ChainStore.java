package org.cityops.audit.internal;

import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditCheckpoint;

/** What a chain verification reads (and the one thing it writes). */
interface ChainStore {

    /** The stored chain head: the newest linked entry's position and hash (0 and the genesis hash when empty). */
    Head head();

    /** The checkpoint with the highest position, if any. */
    Optional<AuditCheckpoint> latestCheckpoint();

    /** Every checkpoint, lowest position first. */
    List<AuditCheckpoint> allCheckpoints();

    Optional<ChainRow> entryAt(long seq);

    /** Linked entries with {@code afterSeq < seq <= upToSeq}, in chain order, at most {@code limit}. */
    List<ChainRow> entries(long afterSeq, long upToSeq, int limit);

    /** Stores a checkpoint; false when one at that position exists already (another node signed it). */
    boolean saveCheckpoint(AuditCheckpoint checkpoint);

    record Head(long seq, String hash) {}
}
