package org.cityops.sanitation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.sanitation.collection.CollectionPoint;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.PointKind;
import org.cityops.sanitation.collection.Route;
import org.cityops.sanitation.collection.RouteDayRow;
import org.cityops.sanitation.collection.VisitRow;
import org.cityops.sanitation.report.CoverageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 垃圾收运 API: collection points, routes, a route's day (and .xlsx), transfer-station arrivals, missed stops. */
@RestController
@RequestMapping("/api/v1/sanitation")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class CollectionApiController {

    private final CollectionRoutes routes;
    private final Clock clock;

    CollectionApiController(CollectionRoutes routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    record PointRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,

            @NotNull(message = "必填（BIN 地埋桶 / TRANSFER_STATION 转运站）required")
            PointKind kind,

            @NotNull(message = "必填 required") @DecimalMin("-90") @DecimalMax("90")
            Double lat,

            @NotNull(message = "必填 required") @DecimalMin("-180") @DecimalMax("180")
            Double lon) {}

    @GetMapping("/points")
    List<CollectionPoint> points(@CurrentActor StaffMember me) {
        return routes.points(me);
    }

    @PostMapping("/points")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<CollectionPoint> createPoint(@CurrentActor StaffMember me, @Valid @RequestBody PointRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(routes.createPoint(r.code(), r.name(), r.kind(), r.lat(), r.lon(), me, false));
    }

    record StopRequest(
            @NotNull(message = "必填 required") Long pointId,
            @NotBlank(message = "必填 required") String from,
            @NotBlank(message = "必填 required") String to) {}

    record RouteRequest(
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String terminal,
            @NotEmpty(message = "至少一站 at least one stop") List<@Valid StopRequest> stops) {}

    @GetMapping("/routes")
    List<Route> routes(@CurrentActor StaffMember me) {
        return routes.routes(me);
    }

    @PostMapping("/routes")
    @PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
    ResponseEntity<Route> createRoute(@CurrentActor StaffMember me, @Valid @RequestBody RouteRequest r) {
        List<CollectionRoutes.StopDraft> stops = r.stops().stream()
                .map(s -> new CollectionRoutes.StopDraft(s.pointId(), s.from(), s.to()))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(routes.createRoute(r.name(), r.terminal(), stops, me));
    }

    @GetMapping("/routes/{id}/day")
    List<RouteDayRow> day(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return routes.day(id, day == null ? CoverageReport.today(clock) : day, me);
    }

    @GetMapping("/routes/{id}/day/export")
    ResponseEntity<byte[]> exportDay(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        return XlsxDownload.download("收运线路日报-" + id + "-" + d + ".xlsx", routes.exportDay(id, d, me));
    }

    @GetMapping("/transfer-arrivals")
    List<VisitRow> arrivals(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return routes.transferArrivals(day == null ? CoverageReport.today(clock) : day, me);
    }

    @GetMapping("/missed-stops")
    List<CollectionRoutes.MissedStop> missed(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return routes.missed(day == null ? CoverageReport.today(clock) : day, me);
    }
}
