package org.cityops.org.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.security.SessionCredentials;
import org.cityops.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的账号: who I am, and changing my own password (the current one is required; audited). */
@Controller
@PreAuthorize(OrgApiController.ANY_STAFF)
class MePageController {

    private final OrgDirectory directory;
    private final OrgAdministration admin;
    private final SessionCredentials sessions;

    MePageController(OrgDirectory directory, OrgAdministration admin, SessionCredentials sessions) {
        this.sessions = sessions;
        this.directory = directory;
        this.admin = admin;
    }

    @GetMapping("/me")
    String me(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("me", MeApiController.describe(me, directory));
        return "org/me";
    }

    @PostMapping("/me/password")
    String changePassword(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword,
            RedirectAttributes flash,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            flash.addFlashAttribute("errorKey", "me.mismatch");
            return "redirect:/me";
        }
        try {
            admin.changeOwnPassword(me.username(), currentPassword, newPassword);
            sessions.keepThisSession(request, response);
            flash.addFlashAttribute("okKey", "me.changed");
        } catch (DomainException e) {
            flash.addFlashAttribute("errorMessage", e.getMessage());
        }
        return "redirect:/me";
    }
}
