package org.cityops.sanitation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.web.FormRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The create and edit form of one 环卫台账 register ({@code /sanitation/registers/<kind>/new}, {@code …/{id}/edit},
 * {@code …/save}; each register's controller maps its own {@code <kind>}). A save goes whole through the module's
 * service (the same checks as the API, all or nothing, audited with before and after) and returns to the registers
 * page; a refusal shows the form again (status 200) with what was entered and the refused field named in Chinese.
 * Only the caller's area (data scope AREA).
 */
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
abstract class RegisterPage {

    static final String FORM = "sanitation/register-edit";

    private final String kind;

    RegisterPage(String kind) {
        this.kind = kind;
    }

    @GetMapping("/new")
    String create(@CurrentActor StaffMember me, Model model) {
        Map<String, Object> f = new LinkedHashMap<>();
        defaults(f);
        return form(me, model, null, f, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        return open(id, me, model);
    }

    @PostMapping("/save")
    String save(@CurrentActor StaffMember me, @RequestParam MultiValueMap<String, String> values, Model model) {
        RegisterForm form = new RegisterForm(values);
        Long id = form.id();
        Map<String, Object> f = form.draft();
        try {
            long saved = save(id, form, me);
            return "redirect:/sanitation/registers?saved=" + kind + "-" + saved + "#" + kind;
        } catch (InvalidInputException e) {
            refill(id, me, f);
            return form(me, model, id, f, e);
        }
    }

    /** The form of a new record: the fields it starts with. */
    void defaults(Map<String, Object> f) {}

    /** The edit form of record {@code id} (404 when the caller does not see it). */
    String open(long id, StaffMember me, Model model) {
        Map<String, Object> f = new LinkedHashMap<>();
        fill(id, me, f);
        return form(me, model, id, f, null);
    }

    /** The fields of record {@code id} as the form shows them. */
    abstract void fill(long id, StaffMember me, Map<String, Object> f);

    /** Creates ({@code id} null) or changes the record; returns its id. */
    abstract long save(Long id, RegisterForm form, StaffMember me);

    /** What a refused form shows again beside what was typed (e.g. what the form never sends back). */
    void refill(Long id, StaffMember me, Map<String, Object> f) {}

    /** The form's choice lists. */
    void choices(StaffMember me, Model model) {}

    private String form(StaffMember me, Model model, Long id, Map<String, Object> f, InvalidInputException refused) {
        String field = refused == null ? null : refused.field();
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("f", f);
        model.addAttribute(FormRefusal.ERROR, refused == null ? null : refused.getMessage());
        model.addAttribute(FormRefusal.ERROR_FIELD, field);
        model.addAttribute("errorFieldKey", RegisterForm.labelKey(kind, field));
        choices(me, model);
        return FORM;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A number as typed: 12 rather than 12.0. */
    static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
