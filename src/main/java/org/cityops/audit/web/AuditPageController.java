package org.cityops.audit.web;

import org.cityops.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 操作日志 (without the login log unless the reader is an administrator) and 登录日志 (administrators). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEADER','ASSESSOR')")
class AuditPageController {

    private static final int SIZE = 50;
    private final AuditLog log;
    private final AuditLabels labels;

    AuditPageController(AuditLog log, AuditLabels labels) {
        this.log = log;
        this.labels = labels;
    }

    @GetMapping("/admin/audit")
    String operations(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String username,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        return render(blank(entityType), blank(entityId), blank(username), Math.max(0, page), model, false);
    }

    /** 登录日志: administrators only (it shows who tried which account from where). */
    @GetMapping("/admin/logins")
    @PreAuthorize("hasRole('ADMIN')")
    String logins(
            @RequestParam(required = false) String username, @RequestParam(defaultValue = "0") int page, Model model) {
        return render("SESSION", null, blank(username), Math.max(0, page), model, true);
    }

    @GetMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        return operations(null, null, null, 0, model);
    }

    private String render(String type, String id, String user, int page, Model model, boolean logins) {
        boolean withLoginLog = LoginLogAccess.requireFor(type);
        model.addAttribute("entries", log.find(type, id, user, withLoginLog, SIZE, page * SIZE));
        long total = log.count(type, id, user, withLoginLog);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / SIZE));
        model.addAttribute("entityType", logins ? null : type);
        model.addAttribute("entityId", id);
        model.addAttribute("username", user);
        model.addAttribute("logins", logins);
        // the object types offered by the filter: the login log (SESSION) only to those who may read it
        model.addAttribute(
                "typeOptions",
                labels.types().stream()
                        .filter(t -> withLoginLog || !AuditLog.LOGIN_LOG.equals(t.code()))
                        .toList());
        return "audit/log";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
