package org.cityops.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for administrators, leaders and assessors: read (verifying it: {@link AuditChainApiController}).
 * The login log (entity SESSION) is for administrators only ({@link LoginLogAccess}).
 */
@RestController
@Validated
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN','LEADER','ASSESSOR')")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    record Page(List<AuditEntry> items, long total, int page, int size) {}

    @GetMapping
    Page list(
            @RequestParam(required = false) @Size(max = 64) String entityType,
            @RequestParam(required = false) @Size(max = 128) String entityId,
            @RequestParam(required = false) @Size(max = 64) String username,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        boolean withLoginLog = LoginLogAccess.requireFor(entityType);
        return new Page(
                log.find(entityType, entityId, username, withLoginLog, size, page * size),
                log.count(entityType, entityId, username, withLoginLog),
                page,
                size);
    }
}
