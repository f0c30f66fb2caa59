package org.cityops.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import org.cityops.catalog.internal.CatalogImporter;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.RoutingAdmin;
import org.cityops.catalog.internal.excel.RoutingWorkbook;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 派遣规则 admin page: list, add, change, delete, test a route, Excel. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER','SHIFT_LEADER')")
class RoutingPageController {

    private final CatalogService catalog;
    private final RoutingAdmin admin;
    private final CatalogImporter importer;
    private final OrgDirectory org;

    RoutingPageController(CatalogService catalog, RoutingAdmin admin, CatalogImporter importer, OrgDirectory org) {
        this.catalog = catalog;
        this.admin = admin;
        this.importer = importer;
        this.org = org;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@CurrentActor(required = false) StaffMember me) {
        return me != null && me.has(Role.ADMIN);
    }

    @GetMapping("/admin/catalog/routing")
    String list(Model model) {
        CatalogSnapshot s = catalog.snapshot();
        var depts = RoutingApiController.departmentNames(org);
        model.addAttribute(
                "rules",
                RoutingApiController.sorted(s).stream()
                        .map(r -> CatalogDtos.RuleDto.of(
                                r,
                                r.areaPrefix().isEmpty() ? "全市" : org.nameOf(r.areaPrefix()),
                                depts.getOrDefault(r.departmentCode(), r.departmentCode())))
                        .toList());
        model.addAttribute("departments", depts);
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        return "catalog/routing";
    }

    @PostMapping("/admin/catalog/routing")
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @RequestParam String selector,
            @RequestParam(defaultValue = "") String areaPrefix,
            @RequestParam String departmentCode,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            admin.create(selector, areaPrefix, departmentCode, note);
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/routing";
    }

    @PostMapping("/admin/catalog/routing/{id:\\d+}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(
            @PathVariable long id,
            @RequestParam String departmentCode,
            @RequestParam(required = false) String note,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            var r = admin.require(id);
            admin.update(id, r.selector(), r.areaPrefix(), departmentCode, note, version);
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/routing";
    }

    @PostMapping("/admin/catalog/routing/{id:\\d+}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            admin.delete(id);
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/routing";
    }

    /** htmx fragment: which department a category goes to at a place. */
    @GetMapping("/admin/catalog/routing/test")
    String test(
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String area,
            Model model) {
        CatalogSnapshot s = catalog.snapshot();
        var c = s.resolve(category);
        model.addAttribute("testCategory", c.orElse(null));
        model.addAttribute("testRule", c.flatMap(x -> s.route(x, area.trim())).orElse(null));
        model.addAttribute("tested", true);
        return "catalog/routing :: result";
    }

    @PostMapping("/admin/catalog/routing/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importRules(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                throw new InvalidInputException("请选择文件 no file uploaded", "file");
            }
            redirect.addFlashAttribute("report", importer.importRouting(RoutingWorkbook.read(in)));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "无法读取上传文件 cannot read the upload");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/routing";
    }
}
