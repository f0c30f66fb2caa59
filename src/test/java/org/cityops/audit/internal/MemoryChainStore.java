package org.cityops.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.cityops.audit.AuditCheckpoint;

/** A chain in memory that records which entries a verification read. */
class MemoryChainStore implements ChainStore {

    final TreeMap<Long, ChainRow> entries = new TreeMap<>();
    final TreeMap<Long, AuditCheckpoint> checkpoints = new TreeMap<>();
    Head head = new Head(0, HashChain.GENESIS);
    /** Chain positions handed out by {@link #entryAt} and {@link #entries}. */
    final List<Long> read = new ArrayList<>();

    static final CheckpointSigner KEY =
            new CheckpointSigner("test-key-0123456789-0123456789-0123456789".getBytes(StandardCharsets.UTF_8));

    /** Appends linked entries, as the chainer does, and moves the head. */
    MemoryChainStore append(int n) {
        return append(n, null, null, null);
    }

    MemoryChainStore append(int n, String table, Long rowId, String digest) {
        for (int i = 0; i < n; i++) {
            long seq = head.seq() + 1;
            ChainRow unlinked = new ChainRow(
                    seq,
                    seq,
                    Instant.parse("2026-11-28T01:00:00Z").plusSeconds(seq),
                    "u",
                    "ADMIN",
                    "127.0.0.1",
                    "TEST",
                    "e" + seq,
                    "UPDATE",
                    "a=" + (seq - 1),
                    "a=" + seq,
                    table,
                    rowId,
                    digest,
                    null,
                    null);
            String hash = HashChain.hash(unlinked.linked(seq, head.hash(), null), head.hash());
            entries.put(seq, unlinked.linked(seq, head.hash(), hash));
            head = new Head(seq, hash);
        }
        return this;
    }

    /** Signs a checkpoint at an existing entry. */
    MemoryChainStore checkpointAt(long seq) {
        checkpoints.put(seq, KEY.sign(seq, entries.get(seq).hash(), Instant.parse("2026-11-28T02:00:00Z")));
        return this;
    }

    void edit(long seq, String after) {
        ChainRow e = entries.get(seq);
        entries.put(
                seq,
                new ChainRow(
                        e.id(),
                        e.seq(),
                        e.occurredAt(),
                        e.username(),
                        e.role(),
                        e.clientIp(),
                        e.entityType(),
                        e.entityId(),
                        e.action(),
                        e.before(),
                        after,
                        e.recordTable(),
                        e.recordId(),
                        e.recordDigest(),
                        e.prevHash(),
                        e.hash()));
    }

    @Override
    public Head head() {
        return head;
    }

    @Override
    public Optional<AuditCheckpoint> latestCheckpoint() {
        return checkpoints.isEmpty()
                ? Optional.empty()
                : Optional.of(checkpoints.lastEntry().getValue());
    }

    @Override
    public List<AuditCheckpoint> allCheckpoints() {
        return List.copyOf(checkpoints.values());
    }

    @Override
    public Optional<ChainRow> entryAt(long seq) {
        read.add(seq);
        return Optional.ofNullable(entries.get(seq));
    }

    @Override
    public List<ChainRow> entries(long afterSeq, long upToSeq, int limit) {
        List<ChainRow> page = entries.subMap(afterSeq, false, upToSeq, true).values().stream()
                .limit(limit)
                .toList();
        page.forEach(e -> read.add(e.seq()));
        return page;
    }

    @Override
    public boolean saveCheckpoint(AuditCheckpoint checkpoint) {
        return checkpoints.putIfAbsent(checkpoint.seq(), checkpoint) == null;
    }
}
