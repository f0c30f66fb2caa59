package org.cityops.audit;

/**
 * The append-only, hash-chained record of every state change (所有操作在阳光下运行). Call it inside the
 * transaction that makes the change: the entry commits or rolls back with it. Who, role, time and client
 * IP are taken from the current {@link org.cityops.platform.Actor}.
 */
public interface AuditTrail {

    /**
     * @param entityType e.g. {@code CASE}, {@code USER}, {@code GRID_LAYER}
     * @param entityId   the entity's id as text
     * @param action     what happened, e.g. {@code DISPATCH}, {@code CREATE}, {@code LOGIN_FAILED}
     * @param before     short summary of the state before (null for a creation)
     * @param after      short summary of the state after (null for a deletion)
     */
    void record(String entityType, String entityId, String action, String before, String after);

    /**
     * The same, vouching for a row the change wrote (e.g. a case step): the row's digest becomes part of the
     * entry's chain hash, and verification reports the row if it is later edited or deleted.
     */
    void record(String entityType, String entityId, String action, String before, String after, RecordDigest row);

    /** The same, for the rare change whose actor is not the current one (e.g. the user who just signed in). */
    void recordAs(
            org.cityops.platform.Actor actor,
            String entityType,
            String entityId,
            String action,
            String before,
            String after);

    /**
     * Many changes at once, each with its own actor (e.g. a fleet of terminals registering after a restart): one
     * batched insert in the caller's transaction instead of a statement per entry.
     */
    default void recordAllAs(java.util.List<Change> changes) {
        for (Change c : changes) {
            recordAs(c.actor(), c.entityType(), c.entityId(), c.action(), c.before(), c.after());
        }
    }

    /** One change for {@link #recordAllAs}. */
    record Change(
            org.cityops.platform.Actor actor,
            String entityType,
            String entityId,
            String action,
            String before,
            String after) {}
}
