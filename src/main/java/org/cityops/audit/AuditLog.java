package org.cityops.audit;

import java.util.List;

/** Reading and verifying the audit trail. */
public interface AuditLog {

    /**
     * Entity type of the login log (sign-ins and failures: client addresses and the user names tried). Only
     * administrators read it; every other reader gets the trail without it.
     */
    String LOGIN_LOG = "SESSION";

    /** Newest first; any filter may be null. Includes the login log. */
    default List<AuditEntry> find(String entityType, String entityId, String username, int limit, int offset) {
        return find(entityType, entityId, username, true, limit, offset);
    }

    /** Newest first; any filter may be null; {@code withLoginLog} false leaves out {@link #LOGIN_LOG} entries. */
    List<AuditEntry> find(
            String entityType, String entityId, String username, boolean withLoginLog, int limit, int offset);

    default long count(String entityType, String entityId, String username) {
        return count(entityType, entityId, username, true);
    }

    long count(String entityType, String entityId, String username, boolean withLoginLog);

    /** Links pending entries, then checks the chain incrementally ({@link AuditChain#verify()}). */
    ChainVerification verify();
}
