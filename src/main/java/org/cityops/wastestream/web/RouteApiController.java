package org.cityops.wastestream.web;

import java.io.IOException;
import java.io.InputStream;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.wastestream.ImportReport;
import org.cityops.wastestream.collection.RouteWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 收运线路 as .xlsx over the API (the stops one by one stay in {@code WasteApiController}): export of the caller's
 * area, import all or nothing — 200 {@code {imported}} or 400 {@code {errors:[{row, field (the column), message}]}}.
 */
@RestController
@RequestMapping("/api/v1/wastestream/routes")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class RouteApiController {

    private final RouteWorkbook workbook;

    RouteApiController(RouteWorkbook workbook) {
        this.workbook = workbook;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me) {
        return XlsxDownload.download("收运线路.xlsx", workbook.export(me));
    }

    @PostMapping("/import")
    @PreAuthorize(RoutePageController.WRITERS)
    ResponseEntity<ImportReport> importRoutes(@CurrentActor StaffMember me, @RequestParam("file") MultipartFile file)
            throws IOException {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".xlsx")) {
            throw new InvalidInputException("文件须为 .xlsx file must be .xlsx", "file");
        }
        ImportReport r;
        try (InputStream in = file.getInputStream()) {
            r = workbook.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }
}
