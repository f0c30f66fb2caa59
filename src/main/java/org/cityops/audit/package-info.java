/**
 * Audit trail (操作日志): an append-only, SHA-256 hash-chained record of every state change and sign-in, its
 * verification and the operation and login log pages. API: {@link org.cityops.audit.AuditTrail} (record),
 * {@link org.cityops.audit.AuditLog} (read, verify).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "audit",
        allowedDependencies = {"platform"})
package org.cityops.audit;
