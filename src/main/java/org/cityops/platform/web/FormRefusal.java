package org.cityops.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.cityops.platform.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form a domain rule refused (an {@link org.cityops.platform.InvalidInputException} or any other
 * {@link DomainException}), shown again to the user: the message as {@value #ERROR}, the field it names as
 * {@value #ERROR_FIELD} (so the page can mark it) and what the user typed as {@value #DRAFT} (so nothing has to be
 * typed again). Either after a redirect (post/redirect/get: the attributes travel as flash attributes) or by
 * rendering the form again with status 400. Page controllers use it instead of catching and copying by hand:
 *
 * <pre>{@code
 * try {
 *     Zone z = zones.create(d, me);
 *     return "redirect:/streetfront/zones/" + z.id();
 * } catch (DomainException e) {
 *     return FormRefusal.redirect(flash, e, d, "/streetfront/zones");
 * }
 * }</pre>
 */
public final class FormRefusal {

    /** The refusal's message (model / flash attribute). */
    public static final String ERROR = "error";

    /** The form field the refusal names, null when it names none. */
    public static final String ERROR_FIELD = "errorField";

    /** The user's input, to fill the form again. */
    public static final String DRAFT = "draft";

    private FormRefusal() {}

    /** Redirects to {@code to} with the refusal's message only (an action whose form has nothing to refill). */
    public static String redirect(RedirectAttributes flash, DomainException e, String to) {
        flash.addFlashAttribute(ERROR, e.getMessage());
        return "redirect:" + to;
    }

    /** Redirects to {@code to} with the message, the field it names and the user's input ({@code draft}). */
    public static String redirect(RedirectAttributes flash, DomainException e, Object draft, String to) {
        flash.addFlashAttribute(ERROR, e.getMessage());
        flash.addFlashAttribute(ERROR_FIELD, e.field());
        if (draft != null) {
            flash.addFlashAttribute(DRAFT, draft);
        }
        return "redirect:" + to;
    }

    /**
     * For a form rendered again in the same request: status 400, {@code message} (the refusal's own, or a text
     * chosen from it, e.g. one language of a bilingual message) and the field it names in the model.
     */
    public static void reject(HttpServletResponse response, Model model, DomainException e, String message) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(ERROR, message);
        model.addAttribute(ERROR_FIELD, e.field());
    }
}
