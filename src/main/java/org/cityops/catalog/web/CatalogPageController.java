package org.cityops.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.internal.CatalogImporter;
import org.cityops.catalog.internal.CatalogImporter.ImportReport;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryAdmin;
import org.cityops.catalog.internal.CategoryCodes;
import org.cityops.catalog.internal.CategoryDraft;
import org.cityops.catalog.internal.LimitKey;
import org.cityops.catalog.internal.excel.CategoryWorkbook;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 案件分类 admin pages: search, create, edit conditions and limits, default limits, Excel. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER','SHIFT_LEADER')")
class CatalogPageController {

    static final int SIZE = 50;

    private final CatalogService catalog;
    private final CategoryAdmin admin;
    private final CatalogImporter importer;
    private final OrgDirectory org;

    CatalogPageController(
            CatalogService catalog,
            CategoryAdmin admin,
            CatalogImporter importer,
            OrgDirectory org,
            org.cityops.catalog.internal.picker.PickerSettings pickerSettings) {
        this.pickerSettings = pickerSettings;
        this.org = org;
        this.catalog = catalog;
        this.admin = admin;
        this.importer = importer;
    }

    private final org.cityops.catalog.internal.picker.PickerSettings pickerSettings;

    @ModelAttribute("canEdit")
    boolean canEdit(@CurrentActor(required = false) StaffMember me) {
        return me != null && me.has(Role.ADMIN);
    }

    @GetMapping("/admin/catalog")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CategoryKind kind,
            @RequestParam(required = false) String standard,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String std = standard == null || standard.isBlank() ? null : standard;
        List<Category> found = catalog.search(new CatalogService.Filter(q, kind, std, major, active));
        int p = Math.max(0, page);
        model.addAttribute(
                "categories", found.stream().skip((long) p * SIZE).limit(SIZE).toList());
        model.addAttribute("total", found.size());
        model.addAttribute("page", p);
        model.addAttribute("lastPage", Math.max(0, (found.size() - 1) / SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("standard", std);
        model.addAttribute("major", major);
        model.addAttribute("active", active);
        model.addAttribute("standards", List.of(CategoryCodes.GB47678, CategoryCodes.GB30428, CategoryCodes.LOCAL));
        Map<String, String> majors = new LinkedHashMap<>();
        catalog.snapshot().all().stream()
                .sorted(java.util.Comparator.comparing(Category::majorCode).thenComparing(Category::majorName))
                .forEach(c -> majors.putIfAbsent(c.majorCode() + " " + c.majorName(), c.majorCode()));
        model.addAttribute("majors", majors);
        model.addAttribute("kinds", CategoryKind.values());
        model.addAttribute("pickerCodeSets", pickerSettings.codeSets());
        return "catalog/list";
    }

    /** Which code sets the category picker shows (the city's choice), in the standards' order. */
    @PostMapping("/admin/catalog/picker")
    @PreAuthorize("hasRole('ADMIN')")
    String pickerCodeSets(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) List<String> codeSets,
            RedirectAttributes redirect) {
        try {
            pickerSettings.setCodeSets(codeSets, me.username());
            redirect.addFlashAttribute("message", "picker");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog";
    }

    @PostMapping("/admin/catalog")
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @RequestParam(required = false) String standard,
            @RequestParam(required = false) CategoryKind kind,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String majorCode,
            @RequestParam(required = false) String majorName,
            RedirectAttributes redirect) {
        try {
            Category c =
                    admin.create(new CategoryDraft(standard, kind, code, name, majorCode, majorName, null, null, true));
            redirect.addFlashAttribute("message", "saved");
            return "redirect:/admin/catalog/" + c.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/catalog";
        }
    }

    /** One row of the limits editor: a stage × urgency, its own limit (if any) and the default. */
    record LimitCell(
            ProcessStage stage,
            Urgency urgency,
            BigDecimal ownHours,
            TimeBasis ownBasis,
            BigDecimal defaultHours,
            TimeBasis defaultBasis) {}

    @GetMapping("/admin/catalog/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        Category c = catalog.require(id);
        CatalogSnapshot s = catalog.snapshot();
        List<LimitCell> cells = new ArrayList<>();
        for (ProcessStage stage : ProcessStage.values()) {
            for (Urgency u : Urgency.values()) {
                TimeLimit def = s.defaultLimit(stage, u);
                var own = s.ownLimit(id, stage, u);
                cells.add(new LimitCell(
                        stage,
                        u,
                        own.map(l -> CatalogDtos.hours(l.duration())).orElse(null),
                        own.map(TimeLimit::basis).orElse(null),
                        CatalogDtos.hours(def.duration()),
                        def.basis()));
            }
        }
        model.addAttribute("category", c);
        model.addAttribute("limits", cells);
        model.addAttribute("bases", TimeBasis.values());
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("全市 city-wide", s.route(c, "").map(r -> r.departmentCode()).orElse("—"));
        for (OrgUnitView d : org.unitsOfKind(OrgUnitKind.DISTRICT)) {
            routes.put(
                    d.name() + " " + d.code(),
                    s.route(c, d.code()).map(r -> r.departmentCode()).orElse("—"));
        }
        model.addAttribute("routes", routes);
        return "catalog/detail";
    }

    @PostMapping("/admin/catalog/{id:\\d+}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam String majorName,
            @RequestParam(required = false) String filingCondition,
            @RequestParam(required = false) String closingCondition,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            admin.update(
                    id,
                    new CategoryDraft(
                            null, null, null, name, null, majorName, filingCondition, closingCondition, active),
                    version);
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/" + id;
    }

    /** Form fields {@code hours_HANDLE_NORMAL} and {@code basis_HANDLE_NORMAL}; empty hours = use the default. */
    @PostMapping("/admin/catalog/{id:\\d+}/limits")
    @PreAuthorize("hasRole('ADMIN')")
    String limits(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            admin.setLimits(id, limitsFrom(form));
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/" + id;
    }

    static Map<LimitKey, TimeLimit> limitsFrom(MultiValueMap<String, String> form) {
        Map<LimitKey, TimeLimit> limits = new HashMap<>();
        for (ProcessStage stage : ProcessStage.values()) {
            for (Urgency u : Urgency.values()) {
                String suffix = stage.name() + "_" + u.name();
                String hours = form.getFirst("hours_" + suffix);
                if (hours == null || hours.isBlank()) {
                    continue;
                }
                BigDecimal h;
                try {
                    h = new BigDecimal(hours.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("时限须为数字 hours must be a number: " + hours, "hours");
                }
                String basis = form.getFirst("basis_" + suffix);
                TimeBasis b = "NATURAL".equals(basis) ? TimeBasis.NATURAL : TimeBasis.WORKING;
                if (h.signum() <= 0) {
                    throw new InvalidInputException("时限须大于 0 hours must be more than 0", "hours");
                }
                limits.put(new LimitKey(stage, u), new TimeLimit(CatalogDtos.duration(h, "hours"), b));
            }
        }
        return limits;
    }

    @PostMapping("/admin/catalog/{id:\\d+}/active")
    @PreAuthorize("hasRole('ADMIN')")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        admin.setActive(id, active);
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/admin/catalog/" + id;
    }

    @GetMapping("/admin/catalog/defaults")
    String defaults(Model model) {
        CatalogSnapshot s = catalog.snapshot();
        List<LimitCell> cells = new ArrayList<>();
        for (ProcessStage stage : ProcessStage.values()) {
            for (Urgency u : Urgency.values()) {
                TimeLimit def = s.defaultLimit(stage, u);
                cells.add(new LimitCell(
                        stage,
                        u,
                        CatalogDtos.hours(def.duration()),
                        def.basis(),
                        CatalogDtos.hours(def.duration()),
                        def.basis()));
            }
        }
        model.addAttribute("limits", cells);
        model.addAttribute("bases", TimeBasis.values());
        return "catalog/defaults";
    }

    @PostMapping("/admin/catalog/defaults")
    @PreAuthorize("hasRole('ADMIN')")
    String saveDefaults(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            admin.setDefaults(limitsFrom(form));
            redirect.addFlashAttribute("message", "saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog/defaults";
    }

    @PostMapping("/admin/catalog/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importCategories(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                throw new InvalidInputException("请选择文件 no file uploaded", "file");
            }
            ImportReport report = importer.importCategories(CategoryWorkbook.read(in));
            redirect.addFlashAttribute("report", report);
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "无法读取上传文件 cannot read the upload");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/catalog";
    }
}
