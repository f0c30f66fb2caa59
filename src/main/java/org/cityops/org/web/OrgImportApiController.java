package org.cityops.org.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.org.internal.excel.ImportError;
import org.cityops.org.internal.excel.ImportRejected;
import org.cityops.org.internal.excel.ImportResult;
import org.cityops.org.internal.excel.OrgImporter;
import org.cityops.org.internal.excel.OrgWorkbook;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel import and export of the org structure (administrators only). */
@RestController
@RequestMapping("/api/v1/org")
@PreAuthorize("hasRole('ADMIN')")
class OrgImportApiController {

    static final MediaType XLSX = MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE);

    private final OrgImporter importer;

    OrgImportApiController(OrgImporter importer) {
        this.importer = importer;
    }

    @GetMapping("/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return xlsx(OrgWorkbook.template(), "cityops-org-template.xlsx");
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export() {
        return xlsx(importer.export(), "cityops-org-export.xlsx");
    }

    /** All-or-nothing: 200 with counts, or 400 with every row's errors and nothing written. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importWorkbook(
            @CurrentActor StaffMember me, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        // (a missing part would otherwise reach the platform handler as an unmapped exception)
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("文件为空 the file is empty", "file");
        }
        try (InputStream in = file.getInputStream()) {
            return importer.importWorkbook(in, file.getOriginalFilename(), me.username());
        }
    }

    @ExceptionHandler(ImportRejected.class)
    ProblemDetail rejected(ImportRejected e) {
        return problem(e.errors());
    }

    static ProblemDetail problem(List<ImportError> errors) {
        ImportError first = errors.get(0);
        String where = first.sheet() == null
                ? ""
                : first.sheet() + (first.row() == null ? "" : " 第 " + first.row() + " 行")
                        + (first.column() == null ? "" : " 列 " + first.column()) + ": ";
        ProblemDetail pd = ApiProblemHandler.problem(
                HttpStatus.BAD_REQUEST,
                "导入失败，未写入任何数据 import rejected, nothing written (" + errors.size() + " error(s)); " + where
                        + first.reason(),
                "file");
        pd.setProperty("errors", errors);
        return pd;
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
