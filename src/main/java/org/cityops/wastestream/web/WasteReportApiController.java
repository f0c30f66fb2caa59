package org.cityops.wastestream.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.ProducerPoint;
import org.cityops.wastestream.balance.TripDetail;
import org.cityops.wastestream.balance.TripDetails;
import org.cityops.wastestream.report.MonthlyWasteDocx;
import org.cityops.wastestream.report.MonthlyWasteReport;
import org.cityops.wastestream.report.WasteExports;
import org.cityops.wastestream.report.WasteMonthlyReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What supervisors read and download (issue 17 point 7): a trip's detail, producers for the map, the month's trips
 * and districts as .xlsx, the monthly report as .docx. Read-only; in the caller's data scope.
 */
@RestController
@RequestMapping("/api/v1/wastestream")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class WasteReportApiController {

    private final Balances balances;
    private final TripDetails trips;
    private final WasteMonthlyReports reports;
    private final Clock clock;

    WasteReportApiController(Balances balances, TripDetails trips, WasteMonthlyReports reports, Clock clock) {
        this.balances = balances;
        this.trips = trips;
        this.reports = reports;
        this.clock = clock;
    }

    /** The trip a weighbridge receipt closes: the receipt, its pickups, the gap (404 outside scope). */
    @GetMapping("/trip")
    TripDetail trip(@CurrentActor StaffMember me, @RequestParam String receipt) {
        return trips.detail(receipt, me);
    }

    /** Producers with their last pickup and state on a day (default today), for the map. */
    @GetMapping("/producer-points")
    List<ProducerPoint> points(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return balances.producerPoints(day != null ? day : LocalDate.now(clock.withZone(CityClock.ZONE)), me);
    }

    @GetMapping("/trips/export")
    ResponseEntity<byte[]> exportTrips(@CurrentActor StaffMember me, @RequestParam(required = false) YearMonth month) {
        YearMonth m = monthOr(month);
        return XlsxDownload.download("餐厨收运趟次物料平衡-" + m + ".xlsx", WasteExports.trips(trips.month(m, me)));
    }

    @GetMapping("/reports/monthly/districts")
    ResponseEntity<byte[]> exportDistricts(
            @CurrentActor StaffMember me, @RequestParam(required = false) YearMonth month) {
        YearMonth m = monthOr(month);
        return XlsxDownload.download("餐厨分区收运与日产日清-" + m + ".xlsx", WasteExports.districts(reports.month(m, me)));
    }

    /** 餐厨废弃物收运监管月报 (.docx). */
    @GetMapping("/reports/monthly")
    ResponseEntity<byte[]> monthly(@CurrentActor StaffMember me, @RequestParam(required = false) YearMonth month) {
        MonthlyWasteReport r = reports.month(monthOr(month), me);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(MonthlyWasteDocx.title(r) + ".docx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(MonthlyWasteDocx.CONTENT_TYPE))
                .body(MonthlyWasteDocx.write(r));
    }

    private YearMonth monthOr(YearMonth month) {
        return month != null ? month : YearMonth.now(clock.withZone(CityClock.ZONE));
    }
}
