package org.cityops.muck.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.cityops.muck.registry.RegistryExcel;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.platform.web.ApiProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel templates, export and all-or-nothing import of the registry (vehicles, companies). */
@RestController
@RequestMapping("/api/v1/muck")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class RegistryExcelController {

    private final RegistryExcel excel;

    RegistryExcelController(RegistryExcel excel) {
        this.excel = excel;
    }

    @GetMapping("/import/{kind}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        List<List<Object>> example = "vehicles".equals(kind)
                ? List.of(List.of("苏D·M9001", 2, "13951239001", "YS-DEMO-1", 31, 18, "SEALED_LID", "320411", "ACTIVE"))
                : List.of(List.of(
                        "YS-NEW-1",
                        "常州某某运输有限公司",
                        "苏常字320400099",
                        "建筑垃圾运输企业核准",
                        "2028-12-31",
                        "调度室",
                        "0519-88880000",
                        "320411",
                        "ACTIVE"));
        return XlsxDownload.download(
                "muck-" + kind + "-template.xlsx", XlsxDownload.sheet(kind, columns(kind), example));
    }

    @GetMapping("/export/{kind}.xlsx")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me, @PathVariable String kind) {
        List<List<Object>> rows = "vehicles".equals(kind) ? excel.vehicleRows(me) : companiesOr404(me, kind);
        return XlsxDownload.download("muck-" + kind + ".xlsx", XlsxDownload.sheet(kind, columns(kind), rows));
    }

    @PostMapping("/import/{kind}")
    Map<String, Object> importFile(
            @CurrentActor StaffMember me, @PathVariable String kind, @RequestParam("file") MultipartFile file) {
        columns(kind);
        if (file.isEmpty()) {
            throw new InvalidInputException("文件为空 empty file", "file");
        }
        try (InputStream in = file.getInputStream()) {
            int n = "vehicles".equals(kind) ? excel.importVehicles(me, in) : excel.importCompanies(me, in);
            return Map.of("imported", n);
        } catch (IOException e) {
            throw new InvalidInputException("无法读取上传文件 could not read the upload", "file");
        }
    }

    @ExceptionHandler(RegistryExcel.ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(RegistryExcel.ImportRejected e) {
        ProblemDetail pd = ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, e.getMessage(), "file");
        pd.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(pd);
    }

    private List<List<Object>> companiesOr404(StaffMember me, String kind) {
        columns(kind);
        return excel.companyRows(me);
    }

    private static List<String> columns(String kind) {
        if ("vehicles".equals(kind)) {
            return RegistryExcel.VEHICLE_COLUMNS;
        }
        if ("companies".equals(kind)) {
            return RegistryExcel.COMPANY_COLUMNS;
        }
        throw new NotFoundException("未知的导入类型 unknown kind, use vehicles or companies");
    }
}
