package org.cityops.geo.web;

import java.io.IOException;
import org.cityops.geo.internal.GridImportRejectedException;
import org.cityops.geo.internal.GridImportService;
import org.cityops.geo.internal.GridRepository;
import org.cityops.geo.internal.ImportMode;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 网格管理: upload a GeoJSON grid layer and read the import report. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GeoAdminPageController {

    private final GridRepository grids;
    private final GridImportService imports;

    GeoAdminPageController(GridRepository grids, GridImportService imports) {
        this.grids = grids;
        this.imports = imports;
    }

    @GetMapping("/admin/geo")
    String page(Model model) {
        model.addAttribute("gridCount", grids.count());
        model.addAttribute("batches", grids.recentImports(10));
        return "geo/admin";
    }

    @PostMapping("/admin/geo/import")
    String upload(
            @CurrentActor StaffMember me,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "append") String mode,
            Model model)
            throws IOException {
        try {
            ImportMode m = ImportMode.parse(mode);
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("请选择 GeoJSON 文件 choose a GeoJSON file", "file");
            }
            model.addAttribute(
                    "report",
                    imports.importGeoJson(
                            me,
                            file.getBytes(),
                            m,
                            file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename()));
        } catch (GridImportRejectedException e) {
            model.addAttribute("report", e.report());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
