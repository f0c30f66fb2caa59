package org.cityops.muck.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.muck.alarm.AlarmQueries;
import org.cityops.muck.alarm.AlarmQueries.Alarm;
import org.cityops.muck.alarm.AlarmQueries.Filter;
import org.cityops.muck.alarm.AlarmQueries.LiveVehicle;
import org.cityops.muck.alarm.AlarmQueries.Page;
import org.cityops.muck.alarm.AlarmQueries.Stats;
import org.cityops.muck.alarm.CaseRules;
import org.cityops.muck.registry.Vehicles;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Alarms (报警), the live vehicle picture (实时监控), statistics (统计) and the alarm → case link (转案件). */
@RestController
@Validated
@RequestMapping("/api/v1/muck")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class AlarmApiController {

    private final AlarmQueries alarms;
    private final CaseRules rules;
    private final java.time.Clock clock;

    private final Vehicles vehicles;

    AlarmApiController(AlarmQueries alarms, CaseRules rules, java.time.Clock clock, Vehicles vehicles) {
        this.vehicles = vehicles;
        this.clock = clock;
        this.alarms = alarms;
        this.rules = rules;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping("/alarms")
    Page list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @Size(max = 32) String type,
            @RequestParam(required = false) @Size(max = 8) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Size(max = 32) String plate,
            @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) Long vehicleId,
            @RequestParam(required = false) @Pattern(regexp = "^\\d{6,15}$") String district,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return alarms.find(me, filter(type, status, from, to, plate, companyId, vehicleId, district), page, size);
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping("/alarms/{id}")
    Alarm get(@CurrentActor StaffMember me, @PathVariable long id) {
        return alarms.get(me, id);
    }

    record CaseRequest(
            @Size(max = 64) String categoryCode,
            @Size(max = 500) String note) {}

    /** 一键转案件: send the alarm to case handling (409 when it was sent already). */
    @PostMapping("/alarms/{id}/case")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Alarm sendAsCase(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @Valid @RequestBody(required = false) CaseRequest body) {
        return alarms.sendAsCase(me, id, body == null ? null : body.categoryCode(), body == null ? null : body.note());
    }

    @GetMapping("/case-rules")
    List<CaseRules.Rule> caseRules() {
        return rules.all();
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping(value = "/alarms/export.xlsx")
    ResponseEntity<byte[]> export(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @Size(max = 32) String type,
            @RequestParam(required = false) @Size(max = 8) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) @Size(max = 32) String plate,
            @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) @Pattern(regexp = "^\\d{6,15}$") String district) {
        List<List<Object>> rows = new ArrayList<>();
        for (Alarm a : alarms.export(me, filter(type, status, from, to, plate, companyId, null, district), 50_000)) {
            rows.add(java.util.Arrays.asList(
                    a.id(),
                    a.typeLabel(),
                    "OPEN".equals(a.status()) ? "持续中" : "已结束",
                    a.plate(),
                    a.terminal(),
                    a.companyName(),
                    a.startedAt(),
                    a.lastSeenAt(),
                    a.endedAt(),
                    a.lat(),
                    a.lon(),
                    a.districtCode(),
                    a.detail(),
                    a.caseNumber()));
        }
        byte[] body = XlsxDownload.sheet(
                "报警",
                List.of(
                        "编号", "报警类型", "状态", "车牌", "终端号", "运输企业", "开始时间", "最后时间", "结束时间", "纬度", "经度", "区划", "详情",
                        "案件编号"),
                rows);
        return XlsxDownload.download("muck-alarms.xlsx", body);
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping("/vehicles/live")
    List<LiveVehicle> live(@CurrentActor StaffMember me) {
        return alarms.live(me);
    }

    /** Evidence positions of the vehicle's alarms (a short track when telemetry's track store is not available). */
    @GetMapping("/vehicles/{id}/evidence")
    List<org.cityops.muck.engine.TrackPoint> evidence(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        vehicles.vehicle(me, id); // 404 / scope
        return alarms.evidenceTrack(id, from, to);
    }

    @GetMapping("/stats")
    Stats stats(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        return alarms.stats(me, start, end, alarms.live(me));
    }

    private static Filter filter(
            String type,
            String status,
            Instant from,
            Instant to,
            String plate,
            Long companyId,
            Long vehicleId,
            String district) {
        return new Filter(blank(type), blank(status), from, to, blank(plate), companyId, vehicleId, blank(district));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
