package org.cityops.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.stats.internal.CaseStats;
import org.cityops.stats.internal.MonthlyReport;
import org.cityops.stats.internal.MonthlyReportDocx;
import org.cityops.stats.internal.MonthlyReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 数字城管月报: the month's report of the caller's area (or a part of it) as a Word document. */
@RestController
@PreAuthorize(StatsRoles.READERS)
class MonthlyReportController {

    private final CaseStats stats;
    private final MonthlyReports reports;

    MonthlyReportController(CaseStats stats, MonthlyReports reports) {
        this.stats = stats;
        this.reports = reports;
    }

    @GetMapping("/api/v1/stats/monthly-report.docx")
    ResponseEntity<byte[]> report(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String area) {
        YearMonth m = reports.month(month);
        MonthlyReport report = reports.of(m, stats.scope(me, area));
        String name = MonthlyReportDocx.title(report) + ".docx";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(MonthlyReportDocx.CONTENT_TYPE))
                .body(MonthlyReportDocx.write(report));
    }
}
