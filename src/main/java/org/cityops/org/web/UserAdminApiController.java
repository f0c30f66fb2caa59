package org.cityops.org.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cityops.org.CurrentActor;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.admin.UserDraft;
import org.cityops.org.internal.admin.UserRow;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts: administrators only (the list is not data-scoped because nobody else sees it). */
@RestController
@Validated
@RequestMapping("/api/v1/org/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminApiController {

    private final OrgAdministration admin;

    UserAdminApiController(OrgAdministration admin) {
        this.admin = admin;
    }

    /** An account as the API shows it; no password hash, ever. */
    record UserView(
            long id,
            String username,
            String displayName,
            String phone,
            boolean enabled,
            boolean locked,
            Instant lockedUntil,
            Set<Role> roles,
            DataScope scope,
            String orgUnitCode,
            String departmentCode,
            int version) {}

    record Page(List<UserView> items, long total, int page, int size) {}

    record NewUser(
            @NotBlank @Size(max = 64) String username,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 32) String phone,
            @NotEmpty @Size(max = 10) Set<Role> roles,
            @NotNull DataScope scope,
            @Size(max = 32) String orgUnitCode,
            @Size(max = 32) String departmentCode,
            Boolean enabled) {}

    record UserChange(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 32) String phone,
            @NotEmpty @Size(max = 10) Set<Role> roles,
            @NotNull DataScope scope,
            @Size(max = 32) String orgUnitCode,
            @Size(max = 32) String departmentCode,
            @NotNull Boolean enabled,
            @NotNull Integer version) {}

    record NewPassword(@NotNull @Size(max = 200) String password) {}

    @GetMapping
    Page list(
            @RequestParam(required = false) @Size(max = 64) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<UserView> items =
                admin.users(q, size, page * size).stream().map(this::view).toList();
        return new Page(items, admin.countUsers(q), page, size);
    }

    @GetMapping("/{id}")
    UserView one(@PathVariable long id) {
        return view(admin.user(id));
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser body) {
        UserRow created = admin.createUser(
                body.username(),
                body.password(),
                new UserDraft(
                        body.displayName(),
                        body.phone(),
                        body.roles(),
                        body.scope(),
                        body.orgUnitCode(),
                        body.departmentCode(),
                        body.enabled() == null || body.enabled()));
        return ResponseEntity.created(URI.create("/api/v1/org/users/" + created.id()))
                .body(view(created));
    }

    @PutMapping("/{id}")
    UserView update(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody UserChange body) {
        return view(admin.updateUser(
                id,
                new UserDraft(
                        body.displayName(),
                        body.phone(),
                        body.roles(),
                        body.scope(),
                        body.orgUnitCode(),
                        body.departmentCode(),
                        body.enabled()),
                body.version(),
                me.username()));
    }

    @PostMapping("/{id}/password")
    UserView resetPassword(@PathVariable long id, @Valid @RequestBody NewPassword body) {
        return view(admin.resetPassword(id, body.password()));
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable long id) {
        return view(admin.unlock(id));
    }

    @PostMapping("/{id}/enable")
    UserView enable(@CurrentActor StaffMember me, @PathVariable long id) {
        return view(admin.setEnabled(id, true, me.username()));
    }

    @PostMapping("/{id}/disable")
    UserView disable(@CurrentActor StaffMember me, @PathVariable long id) {
        return view(admin.setEnabled(id, false, me.username()));
    }

    UserView view(UserRow u) {
        return new UserView(
                u.id(),
                u.username(),
                u.displayName(),
                u.phone(),
                u.enabled(),
                admin.locked(u),
                u.lockedUntil(),
                new TreeSet<>(u.roles()),
                u.scope(),
                u.orgUnitCode(),
                u.departmentCode(),
                u.version());
    }
}
