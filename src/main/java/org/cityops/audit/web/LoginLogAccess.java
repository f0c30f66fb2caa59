package org.cityops.audit.web;

import org.cityops.audit.AuditLog;
import org.cityops.platform.AccessDeniedToEntityException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The login log ({@link AuditLog#LOGIN_LOG}: client addresses, the user names people tried) is for administrators
 * only, through every door: the operation log page, the login log page and {@code /api/v1/audit}. Leaders and
 * assessors read the rest of the trail.
 */
final class LoginLogAccess {

    private LoginLogAccess() {}

    /** Whether the caller may see login log entries. */
    static boolean allowed() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** Refuses (403) a reader who is not an administrator and asks for the login log by its entity type. */
    static boolean requireFor(String entityType) {
        boolean allowed = allowed();
        if (!allowed && entityType != null && AuditLog.LOGIN_LOG.equalsIgnoreCase(entityType.trim())) {
            throw new AccessDeniedToEntityException("登录日志仅限管理员查看 the login log is for administrators only");
        }
        return allowed;
    }
}
