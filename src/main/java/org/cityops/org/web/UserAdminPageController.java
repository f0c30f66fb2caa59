package org.cityops.org.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.admin.UserDraft;
import org.cityops.org.internal.admin.UserRow;
import org.cityops.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户管理 pages: list with search, create, edit, enable/disable, reset password, unlock. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminPageController {

    private static final int SIZE = 50;

    private final OrgAdministration admin;

    UserAdminPageController(OrgAdministration admin) {
        this.admin = admin;
    }

    /** The form's content, also when it comes back with an error. */
    public record Form(
            Long id,
            String username,
            String displayName,
            String phone,
            Set<Role> roles,
            DataScope scope,
            String orgUnitCode,
            String departmentCode,
            boolean enabled,
            int version) {

        static Form of(UserRow u) {
            return new Form(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.phone(),
                    u.roles(),
                    u.scope(),
                    u.orgUnitCode(),
                    u.departmentCode(),
                    u.enabled(),
                    u.version());
        }

        static Form blank() {
            return new Form(null, "", "", "", EnumSet.noneOf(Role.class), DataScope.CITY, "", "", true, 0);
        }
    }

    /** A row of the list. */
    public record Item(UserRow user, boolean locked) {}

    @GetMapping("/admin/users")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        int p = Math.max(0, page);
        String query = q == null ? null : (q.length() > 64 ? q.substring(0, 64) : q);
        List<Item> items = admin.users(query, SIZE, p * SIZE).stream()
                .map(u -> new Item(u, admin.locked(u)))
                .toList();
        long total = admin.countUsers(query);
        model.addAttribute("items", items);
        model.addAttribute("total", total);
        model.addAttribute("q", query);
        model.addAttribute("page", p);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / SIZE));
        return htmx != null ? "org/users :: results" : "org/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, Form.blank(), null);
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        UserRow u = admin.user(id);
        model.addAttribute("account", u);
        model.addAttribute("locked", admin.locked(u));
        return form(model, Form.of(u), u);
    }

    private String form(Model model, Form form, UserRow account) {
        model.addAttribute("form", form);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("scopes", DataScope.values());
        model.addAttribute("departments", admin.departments());
        if (account != null && !model.containsAttribute("account")) {
            model.addAttribute("account", account);
            model.addAttribute("locked", admin.locked(account));
        }
        return "org/user-form";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) DataScope scope,
            @RequestParam(required = false) String orgUnitCode,
            @RequestParam(required = false) String departmentCode,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            RedirectAttributes flash) {
        Set<Role> r = roles == null ? EnumSet.noneOf(Role.class) : roles;
        UserDraft draft = new UserDraft(displayName, phone, r, scope, orgUnitCode, departmentCode, enabled);
        try {
            UserRow created = admin.createUser(username, password, draft);
            return Flash.ok(flash, "/admin/users/" + created.id());
        } catch (DomainException e) {
            model.addAttribute("errorMessage", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(
                    model,
                    new Form(null, username, displayName, phone, r, scope, orgUnitCode, departmentCode, enabled, 0),
                    null);
        }
    }

    @PostMapping("/admin/users/{id}")
    String update(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) Set<Role> roles,
            @RequestParam(required = false) DataScope scope,
            @RequestParam(required = false) String orgUnitCode,
            @RequestParam(required = false) String departmentCode,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "-1") int version,
            Model model,
            RedirectAttributes flash) {
        Set<Role> r = roles == null ? EnumSet.noneOf(Role.class) : roles;
        try {
            admin.updateUser(
                    id,
                    new UserDraft(displayName, phone, r, scope, orgUnitCode, departmentCode, enabled),
                    version,
                    me.username());
            return Flash.ok(flash, "/admin/users/" + id);
        } catch (DomainException e) {
            UserRow u = admin.user(id);
            model.addAttribute("errorMessage", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(
                    model,
                    new Form(
                            id,
                            u.username(),
                            displayName,
                            phone,
                            r,
                            scope,
                            orgUnitCode,
                            departmentCode,
                            enabled,
                            version),
                    u);
        }
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@CurrentActor StaffMember me, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, () -> admin.setEnabled(id, true, me.username()));
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@CurrentActor StaffMember me, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, () -> admin.setEnabled(id, false, me.username()));
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, () -> admin.unlock(id));
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable long id, @RequestParam(required = false) String password, RedirectAttributes flash) {
        return act(flash, id, () -> admin.resetPassword(id, password));
    }

    private String act(RedirectAttributes flash, long id, Runnable action) {
        try {
            action.run();
            return Flash.ok(flash, "/admin/users/" + id);
        } catch (DomainException e) {
            return Flash.failed(flash, e, "/admin/users/" + id);
        }
    }
}
