package org.cityops.audit;

import java.util.List;

/** Reading and verifying the audit trail. */
public interface AuditLog {

    /** Newest first; any filter may be null. */
    List<AuditEntry> find(String entityType, String entityId, String username, int limit, int offset);

    long count(String entityType, String entityId, String username);

    /** Links pending entries, then checks the chain incrementally ({@link AuditChain#verify()}). */
    ChainVerification verify();
}
