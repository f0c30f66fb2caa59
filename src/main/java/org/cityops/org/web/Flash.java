package org.cityops.org.web;

import org.cityops.platform.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages carried over a redirect after a form post (post/redirect/get). */
final class Flash {

    private Flash() {}

    static String ok(RedirectAttributes flash, String to) {
        flash.addFlashAttribute("okKey", "org.saved");
        return "redirect:" + to;
    }

    static String failed(RedirectAttributes flash, DomainException e, String to) {
        flash.addFlashAttribute("errorMessage", e.getMessage());
        flash.addFlashAttribute("errorField", e.field());
        return "redirect:" + to;
    }
}
