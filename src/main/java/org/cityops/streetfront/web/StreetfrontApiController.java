package org.cityops.streetfront.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.streetfront.signs.Facilities;
import org.cityops.streetfront.signs.Facility;
import org.cityops.streetfront.signs.FacilityDraft;
import org.cityops.streetfront.signs.FacilityImport;
import org.cityops.streetfront.signs.Inspection;
import org.cityops.streetfront.signs.InspectionResult;
import org.cityops.streetfront.signs.InspectionTask;
import org.cityops.streetfront.signs.Inspections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 户外广告/招牌设施 API: the ledger, permits, the expiring list, inspections, wind-warning mass inspections. */
@RestController
@RequestMapping("/api/v1/streetfront")
@PreAuthorize(StreetfrontRoles.READ)
class StreetfrontApiController {

    private final Facilities facilities;
    private final Inspections inspections;
    private final FacilityImport facilityImport;

    StreetfrontApiController(Facilities facilities, Inspections inspections, FacilityImport facilityImport) {
        this.facilities = facilities;
        this.inspections = inspections;
        this.facilityImport = facilityImport;
    }

    /** The caller's facilities; {@code bbox=minLon,minLat,maxLon,maxLat} for the map, {@code owner} a credit code. */
    @GetMapping("/facilities")
    List<Facility> facilities(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String owner) {
        if (bbox == null) {
            return facilities.list(me, owner);
        }
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw new InvalidInputException("范围须为 minLon,minLat,maxLon,maxLat bbox needs four numbers", "bbox");
        }
        try {
            return facilities.inBox(
                    me,
                    Double.parseDouble(p[0].trim()),
                    Double.parseDouble(p[1].trim()),
                    Double.parseDouble(p[2].trim()),
                    Double.parseDouble(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("范围须为数字 bbox needs four numbers", "bbox");
        }
    }

    /** The caller's ledger as .xlsx. */
    @GetMapping("/facilities/export")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me) {
        return XlsxDownload.download("户外广告设施台账.xlsx", facilities.exportXlsx(me));
    }

    /** .xlsx, all or nothing: 200 with the count, or 400 with every row's problems (row and column). */
    @PostMapping("/facilities/import")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<FacilityImport.ImportReport> importFacilities(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("请选择 .xlsx 文件 choose an .xlsx file", "file");
        }
        FacilityImport.ImportReport r;
        try (java.io.InputStream in = file.getInputStream()) {
            r = facilityImport.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/facilities/{id}")
    Facility facility(@CurrentActor StaffMember me, @PathVariable long id) {
        return facilities.get(id, me);
    }

    record FacilityRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String facilityClass,
            @NotBlank(message = "必填 required") String kind,
            @NotBlank(message = "必填 required") String ownerName,
            @NotBlank(message = "必填 required") String ownerCreditCode,
            String address,
            @NotNull(message = "必填 required") Double lat,
            @NotNull(message = "必填 required") Double lon,
            @NotNull(message = "必填 required") Double widthM,
            @NotNull(message = "必填 required") Double heightM,
            String permitNo,
            LocalDate permitFrom,
            LocalDate permitTo,
            String permitConditions) {}

    @PostMapping("/facilities")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<Facility> create(@CurrentActor StaffMember me, @Valid @RequestBody FacilityRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(facilities.create(
                        new FacilityDraft(
                                r.code(),
                                r.name(),
                                r.facilityClass(),
                                r.kind(),
                                r.ownerName(),
                                r.ownerCreditCode(),
                                r.address(),
                                r.lat(),
                                r.lon(),
                                r.widthM(),
                                r.heightM(),
                                r.permitNo(),
                                r.permitFrom(),
                                r.permitTo(),
                                r.permitConditions()),
                        me,
                        false));
    }

    record PermitRequest(
            @NotBlank(message = "必填 required") String permitNo,
            @NotNull(message = "必填 required") LocalDate permitFrom,
            @NotNull(message = "必填 required") LocalDate permitTo,
            @Size(max = 500) String permitConditions) {}

    /** 设置许可 (new or renewed); end before start → 400 on {@code permitTo}. */
    @PutMapping("/facilities/{id}/permit")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    Facility permit(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody PermitRequest r) {
        return facilities.setPermit(id, r.permitNo(), r.permitFrom(), r.permitTo(), r.permitConditions(), me);
    }

    /** 即将到期/已过期 permits in the caller's scope. */
    @GetMapping("/permits/expiring")
    List<Facility> expiring(@CurrentActor StaffMember me) {
        return facilities.expiring(me);
    }

    @GetMapping("/facilities/{id}/inspections")
    List<Inspection> inspections(@CurrentActor StaffMember me, @PathVariable long id) {
        return inspections.history(id, me);
    }

    record InspectionRequest(
            @NotNull(message = "必填 required") InspectionResult result,
            @Size(max = 500) String finding) {}

    @PostMapping("/facilities/{id}/inspections")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    ResponseEntity<Inspection> inspect(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody InspectionRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(inspections.record(id, r.result(), r.finding(), me));
    }

    @GetMapping("/tasks")
    List<InspectionTask> tasks(@CurrentActor StaffMember me) {
        return inspections.openTasks(me);
    }

    record WindRequest(
            @NotBlank(message = "必填 required") @Size(max = 200)
            String warning,

            String districtCode) {}

    record WindAnswer(int tasksCreated) {}

    /** 大风/台风预警: one click creates a task for every large facility in the area. */
    @PostMapping("/wind-inspections")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    WindAnswer wind(@CurrentActor StaffMember me, @Valid @RequestBody WindRequest r) {
        return new WindAnswer(inspections.massInspection(r.warning(), r.districtCode(), me));
    }
}
