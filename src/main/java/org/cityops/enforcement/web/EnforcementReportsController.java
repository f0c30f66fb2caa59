package org.cityops.enforcement.web;

import java.time.LocalDate;
import org.cityops.enforcement.file.EnforcementReports;
import org.cityops.enforcement.file.EnforcementStatistics;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The enforcement statistics page (执法统计) and the .xlsx exports of the statistics and of the handler's list. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class EnforcementReportsController {

    private final EnforcementReports reports;
    private final OrgDirectory org;

    EnforcementReportsController(EnforcementReports reports, OrgDirectory org) {
        this.reports = reports;
        this.org = org;
    }

    static int yearOr(Integer year) {
        return year == null ? LocalDate.now(CityClock.ZONE).getYear() : year;
    }

    @GetMapping("/enforcement/stats")
    String stats(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district,
            Model model) {
        model.addAttribute("stats", reports.stats(me, yearOr(year), district));
        model.addAttribute("stages", EnforcementStatistics.STAGES);
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        return "enforcement/stats";
    }

    @GetMapping("/enforcement/stats.xlsx")
    ResponseEntity<byte[]> statsXlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district) {
        EnforcementReports.Stats stats = reports.stats(me, yearOr(year), district);
        return XlsxDownload.download("执法统计" + stats.year() + ".xlsx", reports.statsXlsx(stats));
    }

    @GetMapping("/enforcement/cases.xlsx")
    ResponseEntity<byte[]> listXlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Stage stage,
            @RequestParam(defaultValue = "true") boolean open) {
        return XlsxDownload.download("执法案件.xlsx", reports.listXlsx(me, stage, open));
    }
}
