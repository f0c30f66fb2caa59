package org.cityops.catalog.web;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.internal.CatalogImporter;
import org.cityops.catalog.internal.CatalogImporter.ImportReport;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.excel.CategoryWorkbook;
import org.cityops.catalog.internal.excel.RoutingWorkbook;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.platform.web.ApiProblemHandler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel (.xlsx) templates, exports and all-or-nothing imports of categories (with limits) and routing rules. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/excel")
@PreAuthorize(Roles.ALL_STAFF)
class CatalogExcelController {

    static final MediaType XLSX = MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE);

    private final CatalogService catalog;
    private final CatalogImporter importer;
    private final OrgDirectory org;

    CatalogExcelController(CatalogService catalog, CatalogImporter importer, OrgDirectory org) {
        this.catalog = catalog;
        this.importer = importer;
        this.org = org;
    }

    static ResponseEntity<byte[]> file(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/categories/template")
    ResponseEntity<byte[]> categoriesTemplate() {
        return file(CategoryWorkbook.template(), "catalog-categories-template.xlsx");
    }

    @GetMapping("/categories")
    ResponseEntity<byte[]> exportCategories(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) CategoryKind kind,
            @RequestParam(required = false) @Size(max = 32) String standard,
            @RequestParam(required = false) @Size(max = 16) String major,
            @RequestParam(required = false) Boolean active) {
        var s = catalog.snapshot();
        var list = catalog.search(new CatalogService.Filter(q, kind, standard, major, active));
        return file(CategoryWorkbook.write(list, s), "catalog-categories.xlsx");
    }

    @PostMapping(path = "/categories", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Object> importCategories(@RequestParam("file") MultipartFile file) {
        try (InputStream in = open(file)) {
            return answer(importer.importCategories(CategoryWorkbook.read(in)));
        } catch (IOException e) {
            throw new InvalidInputException("无法读取上传文件 cannot read the upload", "file");
        }
    }

    @GetMapping("/routing/template")
    ResponseEntity<byte[]> routingTemplate() {
        return file(RoutingWorkbook.template(), "catalog-routing-template.xlsx");
    }

    @GetMapping("/routing")
    ResponseEntity<byte[]> exportRouting() {
        Map<String, String> areas = new HashMap<>();
        catalog.snapshot().rules().forEach(r -> {
            if (!r.areaPrefix().isEmpty()) {
                areas.put(
                        r.areaPrefix(),
                        org.unit(r.areaPrefix()).map(OrgUnitView::name).orElse(""));
            }
        });
        return file(
                RoutingWorkbook.write(
                        RoutingApiController.sorted(catalog.snapshot()),
                        areas,
                        RoutingApiController.departmentNames(org)),
                "catalog-routing.xlsx");
    }

    @PostMapping(path = "/routing", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Object> importRouting(@RequestParam("file") MultipartFile file) {
        try (InputStream in = open(file)) {
            return answer(importer.importRouting(RoutingWorkbook.read(in)));
        } catch (IOException e) {
            throw new InvalidInputException("无法读取上传文件 cannot read the upload", "file");
        }
    }

    private static InputStream open(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("请选择文件 no file uploaded", "file");
        }
        return file.getInputStream();
    }

    /** 200 with the counts, or 400 problem details with {@code errors}: one entry per bad row. */
    static ResponseEntity<Object> answer(ImportReport report) {
        if (report.applied()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail pd = ApiProblemHandler.problem(
                HttpStatus.BAD_REQUEST,
                "导入失败，未做任何修改 import rejected, nothing was changed: "
                        + report.errors().size() + " error(s)",
                "file");
        pd.setProperty("errors", report.errors());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
