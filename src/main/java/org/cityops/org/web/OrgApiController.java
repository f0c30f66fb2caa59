package org.cityops.org.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.StaffRoles;
import org.cityops.org.internal.admin.DepartmentRow;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.admin.UnitRow;
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

/**
 * The 行政区划 tree and the departments: every staff member may read them (forms and maps need them), only
 * administrators change them.
 */
@RestController
@Validated
@RequestMapping("/api/v1/org")
@PreAuthorize(OrgApiController.ANY_STAFF)
class OrgApiController {

    static final String ANY_STAFF = StaffRoles.ANY;
    static final String ADMIN = "hasRole('ADMIN')";

    private final OrgAdministration admin;

    OrgApiController(OrgAdministration admin) {
        this.admin = admin;
    }

    /** A unit in the nested view. */
    record UnitNode(
            long id,
            String code,
            String name,
            OrgUnitKind kind,
            String kindLabel,
            String parentCode,
            int version,
            List<UnitNode> children) {}

    record NewUnit(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull OrgUnitKind kind,
            @Size(max = 32) String parentCode) {}

    record UnitChange(
            @NotBlank @Size(max = 100) String name, @NotNull Integer version) {}

    record NewDepartment(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull DepartmentKind kind,
            @Size(max = 32) String orgUnitCode) {}

    record DepartmentChange(
            @NotBlank @Size(max = 100) String name,
            @NotNull DepartmentKind kind,
            @Size(max = 32) String orgUnitCode,
            @NotNull Integer version) {}

    /**
     * {@code view=flat} (default): every unit with its parentCode, by code. {@code view=tree}: the roots with
     * nested children.
     */
    @GetMapping("/units")
    Object units(@RequestParam(defaultValue = "flat") @Pattern(regexp = "flat|tree") String view) {
        List<UnitRow> all = admin.units();
        if ("flat".equals(view)) {
            return all;
        }
        return tree(all);
    }

    static List<UnitNode> tree(List<UnitRow> all) {
        Map<String, List<UnitRow>> byParent = new LinkedHashMap<>();
        for (UnitRow u : all) {
            byParent.computeIfAbsent(u.parentCode() == null ? "" : u.parentCode(), k -> new ArrayList<>())
                    .add(u);
        }
        return nodes(byParent, "");
    }

    private static List<UnitNode> nodes(Map<String, List<UnitRow>> byParent, String parent) {
        List<UnitNode> out = new ArrayList<>();
        for (UnitRow u : byParent.getOrDefault(parent, List.of())) {
            out.add(new UnitNode(
                    u.id(),
                    u.code(),
                    u.name(),
                    u.kind(),
                    u.kind().label(),
                    u.parentCode(),
                    u.version(),
                    nodes(byParent, u.code())));
        }
        return out;
    }

    @GetMapping("/units/{code}")
    UnitRow unit(@PathVariable @Size(max = 32) String code) {
        return admin.unit(code);
    }

    @PostMapping("/units")
    @PreAuthorize(ADMIN)
    ResponseEntity<UnitRow> createUnit(@Valid @RequestBody NewUnit body) {
        UnitRow created = admin.createUnit(body.code(), body.name(), body.kind(), body.parentCode());
        return ResponseEntity.created(URI.create("/api/v1/org/units/" + created.code()))
                .body(created);
    }

    @PutMapping("/units/{code}")
    @PreAuthorize(ADMIN)
    UnitRow renameUnit(@PathVariable @Size(max = 32) String code, @Valid @RequestBody UnitChange body) {
        return admin.renameUnit(code, body.name(), body.version());
    }

    @GetMapping("/departments")
    List<DepartmentRow> departments() {
        return admin.departments();
    }

    @GetMapping("/departments/{code}")
    DepartmentRow department(@PathVariable @Size(max = 32) String code) {
        return admin.department(code);
    }

    @PostMapping("/departments")
    @PreAuthorize(ADMIN)
    ResponseEntity<DepartmentRow> createDepartment(@Valid @RequestBody NewDepartment body) {
        DepartmentRow created = admin.createDepartment(body.code(), body.name(), body.kind(), body.orgUnitCode());
        return ResponseEntity.created(URI.create("/api/v1/org/departments/" + created.code()))
                .body(created);
    }

    @PutMapping("/departments/{code}")
    @PreAuthorize(ADMIN)
    DepartmentRow updateDepartment(
            @PathVariable @Size(max = 32) String code, @Valid @RequestBody DepartmentChange body) {
        return admin.updateDepartment(code, body.name(), body.kind(), body.orgUnitCode(), body.version());
    }
}
