package org.cityops.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.audit.AuditedTable;
import org.cityops.audit.ChainVerification;

/**
 * Checks the chain (no Spring, no SQL: it reads through a {@link ChainStore}). An incremental check trusts the newest
 * signed checkpoint once its signature and its entry are checked, and reads only the entries after it; a full check
 * reads every entry and checks every checkpoint on the way. Both end at the stored chain head, so the removal of the
 * newest entries is found, and both ask the owning module to recompute the row digests the entries vouch for. A
 * valid check signs a new checkpoint at the head, so the next incremental check starts there.
 *
 * <p>The newest checkpoint this process signed or trusted is remembered: a database in which it has disappeared
 * (entries and checkpoints removed and the head moved back) is reported as long as the process runs.
 */
final class ChainVerifier {

    static final int PAGE = 5000;

    private final ChainStore store;
    private final CheckpointSigner signer;
    private final Map<String, AuditedTable> tables;
    private final Clock clock;
    private final AtomicReference<AuditCheckpoint> newestKnown = new AtomicReference<>();

    ChainVerifier(ChainStore store, CheckpointSigner signer, List<AuditedTable> tables, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.tables = new HashMap<>();
        tables.forEach(t -> this.tables.put(t.table(), t));
        this.clock = clock;
    }

    ChainVerification verify(boolean full) {
        // Checkpoints before the head: the head only moves forward and a checkpoint is only signed at a head that
        // existed, so read in this order a checkpoint can never lie beyond the head unless entries were removed.
        Optional<AuditCheckpoint> latest = store.latestCheckpoint();
        List<AuditCheckpoint> all = full ? store.allCheckpoints() : List.of();
        ChainStore.Head head = store.head();
        AuditCheckpoint known = newestKnown.get();
        if (known != null && latest.map(cp -> cp.seq() < known.seq()).orElse(true)) {
            return broken(
                    0,
                    known.seq(),
                    "signed checkpoint at entry " + known.seq() + " is missing: entries and"
                            + " checkpoints were removed",
                    0,
                    head,
                    full);
        }
        long from = 0;
        String prev = HashChain.GENESIS;
        Iterator<AuditCheckpoint> ahead = List.<AuditCheckpoint>of().iterator();
        if (full) {
            for (AuditCheckpoint cp : all) {
                if (!signer.genuine(cp)) {
                    return broken(0, cp.seq(), forged(cp), 0, head, true);
                }
            }
            ahead = all.iterator();
        } else if (latest.isPresent()) {
            AuditCheckpoint cp = latest.get();
            if (!signer.genuine(cp)) {
                return broken(0, cp.seq(), forged(cp), 0, head, false);
            }
            Optional<ChainRow> at = store.entryAt(cp.seq());
            if (at.isEmpty()) {
                return broken(
                        0,
                        cp.seq(),
                        "entries up to the signed checkpoint " + cp.seq() + " were removed",
                        0,
                        head,
                        false);
            }
            String problem = problem(at.get(), at.get().prevHash(), cp);
            if (problem != null) {
                return broken(0, cp.seq(), problem, 0, head, false);
            }
            from = cp.seq();
            prev = cp.hash();
        }
        if (head.seq() < from) {
            return broken(
                    0,
                    head.seq() + 1,
                    "newest entries removed: the chain head is at " + head.seq() + ", behind the signed checkpoint "
                            + from,
                    from,
                    head,
                    full);
        }
        AuditCheckpoint nextCp = ahead.hasNext() ? ahead.next() : null;
        long seq = from;
        long checked = 0;
        while (seq < head.seq()) {
            List<ChainRow> page = store.entries(seq, head.seq(), PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<ChainRow, String> rowProblems = rowProblems(page);
            for (ChainRow e : page) {
                if (e.seq() != seq + 1) {
                    return broken(checked, seq + 1, "entry missing from the chain", from, head, full);
                }
                if (!prev.equals(e.prevHash())) {
                    return broken(checked, e.seq(), "link to the previous entry broken", from, head, full);
                }
                if (nextCp != null && nextCp.seq() < e.seq()) {
                    return broken(
                            checked,
                            nextCp.seq(),
                            "entry of the signed checkpoint " + nextCp.seq() + " missing",
                            from,
                            head,
                            full);
                }
                String problem = problem(e, prev, nextCp != null && nextCp.seq() == e.seq() ? nextCp : null);
                if (problem == null) {
                    problem = rowProblems.get(e);
                }
                if (problem != null) {
                    return broken(checked, e.seq(), problem, from, head, full);
                }
                if (nextCp != null && nextCp.seq() == e.seq()) {
                    nextCp = ahead.hasNext() ? ahead.next() : null;
                }
                prev = e.hash();
                seq = e.seq();
                checked++;
            }
        }
        if (seq < head.seq()) {
            return broken(
                    checked,
                    seq + 1,
                    "newest entries removed: the chain ends at " + seq + " but its head is at " + head.seq(),
                    from,
                    head,
                    full);
        }
        if (!prev.equals(head.hash())) {
            return broken(checked, head.seq(), "the chain head does not match the newest entry", from, head, full);
        }
        if (nextCp != null) {
            return broken(
                    checked,
                    nextCp.seq(),
                    "entries up to the signed checkpoint " + nextCp.seq() + " were removed",
                    from,
                    head,
                    full);
        }
        remember(head, latest);
        return new ChainVerification(true, checked, null, null, from, head.seq(), full);
    }

    /** Signs a checkpoint at the head unless there is one already; remembers the newest checkpoint trusted. */
    private void remember(ChainStore.Head head, Optional<AuditCheckpoint> latest) {
        AuditCheckpoint newest = latest.orElse(null);
        if (head.seq() > 0 && (newest == null || newest.seq() < head.seq())) {
            AuditCheckpoint signed =
                    signer.sign(head.seq(), head.hash(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            store.saveCheckpoint(signed);
            newest = signed;
        }
        if (newest != null) {
            AuditCheckpoint candidate = newest;
            newestKnown.accumulateAndGet(candidate, (a, b) -> a == null || b.seq() > a.seq() ? b : a);
        }
    }

    /** Null when an exported checkpoint is genuine and the chain still holds its entry; otherwise why not. */
    String check(AuditCheckpoint exported) {
        if (!signer.genuine(exported)) {
            return forged(exported);
        }
        Optional<ChainRow> at = store.entryAt(exported.seq());
        if (at.isEmpty()) {
            return "the chain no longer has entry " + exported.seq();
        }
        return problem(at.get(), at.get().prevHash(), exported);
    }

    private static String problem(ChainRow e, String prev, AuditCheckpoint cp) {
        if (!HashChain.hash(e, prev).equals(e.hash())) {
            return "content changed after recording";
        }
        if (cp != null && !cp.hash().equals(e.hash())) {
            return "entry differs from the signed checkpoint " + cp.seq();
        }
        return null;
    }

    private Map<ChainRow, String> rowProblems(List<ChainRow> page) {
        Map<String, List<ChainRow>> byTable = new HashMap<>();
        for (ChainRow e : page) {
            if (e.recordTable() != null && e.recordId() != null && tables.containsKey(e.recordTable())) {
                byTable.computeIfAbsent(e.recordTable(), t -> new ArrayList<>()).add(e);
            }
        }
        Map<ChainRow, String> problems = new HashMap<>();
        byTable.forEach((table, rows) -> {
            Map<Long, String> now = tables.get(table)
                    .currentDigests(rows.stream().map(ChainRow::recordId).toList());
            for (ChainRow e : rows) {
                String digest = now.get(e.recordId());
                if (digest == null) {
                    problems.put(e, table + " row " + e.recordId() + " was deleted");
                } else if (!digest.equals(e.recordDigest())) {
                    problems.put(e, table + " row " + e.recordId() + " changed after recording");
                }
            }
        });
        return problems;
    }

    private static String forged(AuditCheckpoint cp) {
        return "signature of checkpoint " + cp.seq() + " does not match: forged or signed with another key (key "
                + cp.keyId() + ")";
    }

    private static ChainVerification broken(
            long checked, long seq, String reason, long from, ChainStore.Head head, boolean full) {
        return new ChainVerification(false, checked, seq, reason, from, head.seq(), full);
    }
}
