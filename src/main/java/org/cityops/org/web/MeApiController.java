package org.cityops.org.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.security.SessionCredentials;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I (any signed-in staff member), and changing one's own password. */
@RestController
@RequestMapping("/api/v1/org/me")
@PreAuthorize(OrgApiController.ANY_STAFF)
class MeApiController {

    private final OrgDirectory directory;
    private final OrgAdministration admin;
    private final SessionCredentials sessions;

    MeApiController(OrgDirectory directory, OrgAdministration admin, SessionCredentials sessions) {
        this.sessions = sessions;
        this.directory = directory;
        this.admin = admin;
    }

    record Labelled(String code, String label) {}

    record Me(
            long id,
            String username,
            String displayName,
            List<Labelled> roles,
            Labelled scope,
            String areaPrefix,
            OrgUnitView orgUnit,
            DepartmentView department) {}

    record PasswordChange(
            @NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {}

    @GetMapping
    Me me(@CurrentActor StaffMember me) {
        return describe(me, directory);
    }

    static Me describe(StaffMember s, OrgDirectory directory) {
        List<Labelled> roles = s.roles().stream()
                .sorted()
                .map(r -> new Labelled(r.name(), r.label()))
                .toList();
        DataScope scope = s.scope();
        OrgUnitView unit =
                s.orgUnitCode() == null ? null : directory.unit(s.orgUnitCode()).orElse(null);
        DepartmentView dept = s.departmentId() == null
                ? null
                : directory.department(s.departmentId()).orElse(null);
        return new Me(
                s.id(),
                s.username(),
                s.displayName(),
                roles,
                new Labelled(scope.name(), scope.label()),
                s.areaPrefix(),
                unit,
                dept);
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(
            @CurrentActor StaffMember me,
            @Valid @RequestBody PasswordChange body,
            HttpServletRequest request,
            HttpServletResponse response) {
        admin.changeOwnPassword(me.username(), body.currentPassword(), body.newPassword());
        sessions.keepThisSession(request, response);
        return ResponseEntity.noContent().build();
    }

    static String roleLabel(Role r) {
        return r.label();
    }
}
