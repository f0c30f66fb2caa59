package org.cityops.sanitation;

/**
 * The road ledger, the fleet, the plans, the collection points or the workers changed: the coverage engine, the
 * collection-visit detector and the attendance observer reload. Published and consumed inside the sanitation
 * module only. {@code fromAnotherNode}: the change was committed through another app node and announced to this
 * one (several nodes, docs/scale-out.md); such an event is not announced again.
 */
public record LedgerChanged(String what, boolean fromAnotherNode) {

    /** A change made on this node. */
    public LedgerChanged(String what) {
        this(what, false);
    }
}
