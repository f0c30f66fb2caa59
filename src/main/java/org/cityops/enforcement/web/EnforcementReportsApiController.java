package org.cityops.enforcement.web;

import org.cityops.enforcement.file.EnforcementReports;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 执法统计 API (JSON and .xlsx) and the handler's list as .xlsx. */
@RestController
@RequestMapping("/api/v1/enforcement")
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EnforcementReportsApiController {

    private final EnforcementReports reports;

    EnforcementReportsApiController(EnforcementReports reports) {
        this.reports = reports;
    }

    /** By unit (district; {@code unit} null: the month's total) and month of the year. */
    @GetMapping("/stats")
    EnforcementReports.Stats stats(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district) {
        return reports.stats(me, EnforcementReportsController.yearOr(year), district);
    }

    @GetMapping("/stats.xlsx")
    ResponseEntity<byte[]> statsXlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district) {
        EnforcementReports.Stats stats = reports.stats(me, EnforcementReportsController.yearOr(year), district);
        return XlsxDownload.download("执法统计" + stats.year() + ".xlsx", reports.statsXlsx(stats));
    }

    @GetMapping("/cases.xlsx")
    ResponseEntity<byte[]> listXlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Stage stage,
            @RequestParam(defaultValue = "true") boolean open) {
        return XlsxDownload.download("执法案件.xlsx", reports.listXlsx(me, stage, open));
    }
}
