package org.cityops.org.web;

import java.io.IOException;
import java.io.InputStream;
import org.cityops.org.CurrentActor;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.org.internal.admin.OrgRules;
import org.cityops.org.internal.excel.ImportRejected;
import org.cityops.org.internal.excel.OrgImporter;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages: the unit tree, the departments, the Excel import. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrgAdminPageController {

    private final OrgAdministration admin;
    private final OrgImporter importer;

    OrgAdminPageController(OrgAdministration admin, OrgImporter importer) {
        this.admin = admin;
        this.importer = importer;
    }

    /** What the tree page needs to offer "add child" on a node. */
    public record ChildKind(OrgUnitKind kind) {}

    @GetMapping("/admin/org")
    String tree(@RequestParam(required = false) String open, Model model) {
        model.addAttribute("roots", OrgApiController.tree(admin.units()));
        model.addAttribute("open", open == null ? "" : open);
        return "org/units";
    }

    @PostMapping("/admin/org/units")
    String addUnit(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String parentCode,
            RedirectAttributes flash) {
        try {
            OrgUnitKind kind = parentCode == null || parentCode.isBlank()
                    ? OrgUnitKind.CITY
                    : OrgRules.childKindOf(admin.unit(parentCode).kind());
            if (kind == null) {
                throw new InvalidInputException("社区/村下不能再添加下级 a community has no children", "parentCode");
            }
            var created = admin.createUnit(code, name, kind, parentCode);
            return Flash.ok(flash, "/admin/org?open=" + created.code() + "#u-" + created.code());
        } catch (DomainException e) {
            return Flash.failed(flash, e, "/admin/org" + (parentCode == null ? "" : "?open=" + parentCode));
        }
    }

    @PostMapping("/admin/org/units/{code}/rename")
    String rename(
            @PathVariable String code,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes flash) {
        try {
            admin.renameUnit(code, name, version);
            return Flash.ok(flash, "/admin/org?open=" + code + "#u-" + code);
        } catch (DomainException e) {
            return Flash.failed(flash, e, "/admin/org?open=" + code);
        }
    }

    @GetMapping("/admin/departments")
    String departments(Model model) {
        model.addAttribute("departments", admin.departments());
        model.addAttribute("kinds", DepartmentKind.values());
        return "org/departments";
    }

    @PostMapping("/admin/departments")
    String addDepartment(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) DepartmentKind kind,
            @RequestParam(required = false) String orgUnitCode,
            RedirectAttributes flash) {
        try {
            admin.createDepartment(code, name, kind, orgUnitCode);
            return Flash.ok(flash, "/admin/departments");
        } catch (DomainException e) {
            return Flash.failed(flash, e, "/admin/departments");
        }
    }

    @PostMapping("/admin/departments/{code}")
    String updateDepartment(
            @PathVariable String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) DepartmentKind kind,
            @RequestParam(required = false) String orgUnitCode,
            @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes flash) {
        try {
            admin.updateDepartment(code, name, kind, orgUnitCode, version);
            return Flash.ok(flash, "/admin/departments");
        } catch (DomainException e) {
            return Flash.failed(flash, e, "/admin/departments");
        }
    }

    @GetMapping("/admin/import")
    String importPage() {
        return "org/import";
    }

    @PostMapping("/admin/import")
    String importUpload(
            @CurrentActor StaffMember me,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("请选择文件 choose a file", "file");
            }
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("result", importer.importWorkbook(in, file.getOriginalFilename(), me.username()));
            }
        } catch (ImportRejected e) {
            model.addAttribute("errors", e.errors());
        } catch (DomainException e) {
            model.addAttribute("errorMessage", e.getMessage());
        }
        return "org/import";
    }
}
