package org.cityops.notify.web;

import org.cityops.notify.internal.NotifyPreferences;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.org.StaffRoles;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /me/notify: each staff member's own notification preferences (channels, e-mail, 免打扰 hours); audited. */
@Controller
@PreAuthorize(StaffRoles.ANY)
class MyNotifyPageController {

    private final NotifyPreferences preferences;
    private final OrgDirectory directory;

    MyNotifyPageController(NotifyPreferences preferences, OrgDirectory directory) {
        this.preferences = preferences;
        this.directory = directory;
    }

    @GetMapping("/me/notify")
    String page(@CurrentActor StaffMember me, Model model) {
        if (!model.containsAttribute("pref")) {
            model.addAttribute("pref", preferences.of(me.username()));
        }
        model.addAttribute(
                "phone",
                directory
                        .phoneOf(me.username())
                        .map(org.cityops.notify.internal.Masking::phone)
                        .orElse(null));
        return "notify/me";
    }

    @PostMapping("/me/notify")
    String save(
            @CurrentActor StaffMember me,
            @RequestParam(defaultValue = "false") boolean sms,
            @RequestParam(defaultValue = "false") boolean email,
            @RequestParam(required = false) String emailAddress,
            @RequestParam(required = false) String quietStart,
            @RequestParam(required = false) String quietEnd,
            RedirectAttributes flash) {
        try {
            preferences.save(me.username(), sms, email, emailAddress, quietStart, quietEnd);
            flash.addFlashAttribute("okKey", "notify.me.saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errorMessage", e.getMessage());
        }
        return "redirect:/me/notify";
    }
}
