package org.cityops.org.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cityops.org.OrgUnitKind;
import org.cityops.platform.ClusterChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 监督员责任区 in memory: the enabled inspector accounts and the area their unit covers, read once and kept until an
 * account, its roles, its unit or its enabled flag change ({@link #changed()}, called by every write of those in
 * this module). Intake asks it for every new case (reading every inspector account per case was 15 % of intake).
 *
 * <p>While a transaction that changed accounts is open, nobody caches (its own reads see its changes, the others
 * the committed state); when it ends, committed or not, the copy is read again on the next call. A copy read while
 * a change happened is not kept (a generation counter).
 *
 * <p>Several app nodes: a committed change is announced ({@link ClusterChanges}, topic {@value #TOPIC}) and the other
 * nodes drop their copy within one {@code cityops.cluster.sync-interval}; else a case taken in on another node would
 * go to an inspector disabled or moved meanwhile, for as long as that node runs.
 */
@Component
public class InspectorAreas {

    private record Candidate(String username, String prefix) {}

    private record Snapshot(long generation, List<Candidate> candidates) {}

    static final String TOPIC = "inspector-areas";

    private final JdbcClient jdbc;
    private final ClusterChanges cluster;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger openChanges = new AtomicInteger();
    private volatile Snapshot snapshot;

    InspectorAreas(JdbcClient jdbc, ClusterChanges cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, changed -> generation.incrementAndGet());
    }

    /** The inspector of the smallest unit whose area contains the code (ties: the first username). */
    Optional<String> inspectorFor(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            return Optional.empty();
        }
        return candidates().stream()
                .filter(c -> c.prefix() != null && areaCode.startsWith(c.prefix()))
                .min(Comparator.comparingInt((Candidate c) -> -c.prefix().length())
                        .thenComparing(Candidate::username))
                .map(Candidate::username);
    }

    /**
     * An inspector's account, roles, unit or enabled flag changed (or may have): called in the writing transaction,
     * if any, and again when that transaction ends.
     */
    public void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            openChanges.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cluster.announce(TOPIC, "inspectors");
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(InspectorAreas.this);
                    generation.incrementAndGet();
                    openChanges.decrementAndGet();
                }
            });
        } else if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cluster.announce(TOPIC, "inspectors");
        }
    }

    private List<Candidate> candidates() {
        long seen = generation.get();
        boolean settled = openChanges.get() == 0;
        Snapshot s = snapshot;
        if (settled && s != null && s.generation() == seen) {
            return s.candidates();
        }
        List<Candidate> read = read();
        if (settled && openChanges.get() == 0 && generation.get() == seen) {
            snapshot = new Snapshot(seen, read);
        }
        return read;
    }

    private List<Candidate> read() {
        return jdbc.sql("""
                SELECT u.username, o.code, o.kind FROM app_user u
                JOIN app_user_role r ON r.user_id = u.id AND r.role = 'INSPECTOR'
                JOIN org_unit o ON o.id = u.org_unit_id
                WHERE u.enabled = TRUE""")
                .query((rs, n) -> new Candidate(rs.getString(1), areaPrefix(rs.getString(2), rs.getString(3))))
                .list();
    }

    /** The part of an area code a unit's own code fixes: none for the city, its full code below it. */
    private static String areaPrefix(String unitCode, String kind) {
        if (unitCode == null || kind == null) {
            return null;
        }
        OrgUnitKind k;
        try {
            k = OrgUnitKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return k == OrgUnitKind.CITY ? "" : unitCode.substring(0, Math.min(k.codeLength(), unitCode.length()));
    }
}
