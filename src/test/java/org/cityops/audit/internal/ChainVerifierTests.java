package org.cityops.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.audit.AuditedTable;
import org.cityops.audit.ChainVerification;
import org.junit.jupiter.api.Test;

class ChainVerifierTests {

    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);
    final MemoryChainStore store = new MemoryChainStore();
    final Map<Long, String> rows = new HashMap<>();
    final AuditedTable steps = new AuditedTable() {
        @Override
        public String table() {
            return "case_step";
        }

        @Override
        public Map<Long, String> currentDigests(Collection<Long> rowIds) {
            Map<Long, String> now = new HashMap<>();
            rowIds.stream().filter(rows::containsKey).forEach(id -> now.put(id, rows.get(id)));
            return now;
        }
    };
    final ChainVerifier verifier = new ChainVerifier(store, MemoryChainStore.KEY, List.of(steps), clock);

    @Test
    void anIncrementalCheckReadsOnlyTheEntriesAfterTheNewestCheckpoint() {
        store.append(1000).checkpointAt(400).checkpointAt(900);

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isTrue();
        assertThat(v.fromSeq()).isEqualTo(900);
        assertThat(v.entries()).isEqualTo(100);
        assertThat(store.read).allMatch(seq -> seq >= 900).hasSize(101);
    }

    @Test
    void aValidCheckSignsACheckpointAtTheHeadSoTheNextCheckReadsNothingOld() {
        store.append(50);

        assertThat(verifier.verify(false).entries()).isEqualTo(50);
        AuditCheckpoint signed = store.latestCheckpoint().orElseThrow();
        assertThat(signed.seq()).isEqualTo(50);
        assertThat(signed.hash()).isEqualTo(store.head().hash());
        assertThat(MemoryChainStore.KEY.genuine(signed)).isTrue();

        store.append(3);
        store.read.clear();
        ChainVerification next = verifier.verify(false);
        assertThat(next.entries()).isEqualTo(3);
        assertThat(store.read).containsExactly(50L, 51L, 52L, 53L);
    }

    @Test
    void removingTheNewestEntriesIsFoundAgainstTheChainHead() {
        store.append(10).checkpointAt(5);
        store.entries.remove(10L);
        store.entries.remove(9L);

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(9);
        assertThat(v.reason()).contains("newest entries removed");
        assertThat(store.latestCheckpoint().orElseThrow().seq())
                .as("no checkpoint over a broken chain")
                .isEqualTo(5);
    }

    @Test
    void removingTheNewestEntriesAndMovingTheHeadBackIsFoundAgainstTheSignedCheckpoint() {
        store.append(10).checkpointAt(10);
        store.entries.remove(10L);
        store.entries.remove(9L);
        store.head = new ChainStore.Head(8, store.entries.get(8L).hash());

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(10);
        assertThat(v.reason()).contains("removed");
    }

    @Test
    void aCheckpointThisProcessSignedMustNotDisappearWithTheEntriesAfterIt() {
        store.append(10).checkpointAt(5);
        assertThat(verifier.verify(false).valid()).isTrue();
        store.checkpoints.remove(10L);
        store.entries.remove(10L);
        store.head = new ChainStore.Head(9, store.entries.get(9L).hash());

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(10);
        assertThat(v.reason()).contains("signed checkpoint at entry 10 is missing");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() {
        store.append(20).checkpointAt(10);
        var otherKey =
                new CheckpointSigner("another-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8));
        store.checkpoints.put(20L, otherKey.sign(20, store.entries.get(20L).hash(), Instant.now()));

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(20);
        assertThat(v.reason()).contains("signature of checkpoint 20 does not match");
    }

    @Test
    void aCheckpointWhoseHashWasRewrittenNoLongerMatchesItsSignature() {
        store.append(20).checkpointAt(20);
        AuditCheckpoint cp = store.checkpoints.get(20L);
        store.checkpoints.put(20L, new AuditCheckpoint(20, "f".repeat(64), cp.createdAt(), cp.keyId(), cp.signature()));

        assertThat(verifier.verify(false).reason()).contains("does not match");
        assertThat(verifier.verify(true).reason()).contains("does not match");
    }

    @Test
    void anEntryEditedAfterTheCheckpointIsFound() {
        store.append(20).checkpointAt(10);
        store.edit(15, "a=1000");

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(15);
        assertThat(v.reason()).contains("content changed");
    }

    @Test
    void anEntryEditedBeforeTheCheckpointIsFoundByTheFullCheckOnly() {
        store.append(20).checkpointAt(10);
        store.edit(4, "a=1000");

        assertThat(verifier.verify(false).valid()).isTrue();
        ChainVerification full = verifier.verify(true);
        assertThat(full.valid()).isFalse();
        assertThat(full.full()).isTrue();
        assertThat(full.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void theEntryOfTheCheckpointItselfIsCheckedByTheIncrementalCheck() {
        store.append(20).checkpointAt(10);
        store.edit(10, "a=1000");

        ChainVerification v = verifier.verify(false);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(10);
    }

    @Test
    void aFullCheckFindsAnOlderCheckpointWhoseEntryWasReplaced() {
        store.append(20).checkpointAt(10).checkpointAt(20);
        // rewrite history from entry 5 on, consistently (the attacker can compute SHA-256, not HMAC)
        var rewritten = new MemoryChainStore().append(4);
        for (long seq = 5; seq <= 20; seq++) {
            rewritten.append(1);
        }
        store.entries.clear();
        rewritten.entries.forEach((seq, e) -> store.entries.put(seq, e));
        store.edit(12, "x");
        store.head = rewritten.head;

        assertThat(verifier.verify(true).valid()).isFalse();
    }

    @Test
    void aDeletedEntryInTheMiddleIsFound() {
        store.append(20);
        store.entries.remove(7L);

        ChainVerification v = verifier.verify(true);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(7);
        assertThat(v.reason()).contains("missing");
    }

    @Test
    void aRowThatAnEntryVouchesForIsCheckedAgainstItsOwner() {
        rows.put(42L, "a".repeat(64));
        store.append(3).append(1, "case_step", 42L, "a".repeat(64)).append(2);
        assertThat(verifier.verify(false).valid()).isTrue();

        rows.put(42L, "b".repeat(64));
        ChainVerification edited = verifier.verify(true);
        assertThat(edited.valid()).isFalse();
        assertThat(edited.firstBrokenSeq()).isEqualTo(4);
        assertThat(edited.reason()).isEqualTo("case_step row 42 changed after recording");

        rows.remove(42L);
        assertThat(verifier.verify(true).reason()).isEqualTo("case_step row 42 was deleted");
    }

    @Test
    void aRowDigestCannotBeSwappedInTheEntryWithoutBreakingItsHash() {
        store.append(1, "case_step", 42L, "a".repeat(64));
        ChainRow e = store.entries.get(1L);
        store.entries.put(
                1L,
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
                        e.after(),
                        null,
                        null,
                        null,
                        e.prevHash(),
                        e.hash()));

        assertThat(verifier.verify(false).reason()).contains("content changed");
    }

    @Test
    void anExportedCheckpointIsGenuineOnlyWhileTheChainStillHoldsItsEntry() {
        store.append(10).checkpointAt(10);
        AuditCheckpoint exported = store.checkpoints.get(10L);
        assertThat(verifier.check(exported)).isNull();

        var forged = new AuditCheckpoint(10, exported.hash(), exported.createdAt(), exported.keyId(), "0".repeat(64));
        assertThat(verifier.check(forged)).contains("does not match");

        store.edit(10, "rewritten");
        assertThat(verifier.check(exported)).contains("content changed");
        store.entries.remove(10L);
        assertThat(verifier.check(exported)).contains("no longer has entry 10");
    }

    @Test
    void anotherNodeLinkingAndSigningDuringTheCheckIsNoFalseAlarm() {
        var busy = new MemoryChainStore() {
            boolean first = true;

            @Override
            public java.util.Optional<AuditCheckpoint> latestCheckpoint() {
                if (first) {
                    first = false;
                    append(5).checkpointAt(head().seq());
                }
                return super.latestCheckpoint();
            }
        };
        busy.append(10);

        ChainVerification v = new ChainVerifier(busy, MemoryChainStore.KEY, List.of(), clock).verify(false);

        assertThat(v.valid()).isTrue();
        assertThat(v.headSeq()).isEqualTo(15);
    }
}
