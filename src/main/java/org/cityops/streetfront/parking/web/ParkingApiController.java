package org.cityops.streetfront.parking.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.streetfront.parking.GeofencingFeed;
import org.cityops.streetfront.parking.NoParkingZone;
import org.cityops.streetfront.parking.OverflowAlert;
import org.cityops.streetfront.parking.ParkingArea;
import org.cityops.streetfront.parking.ParkingAreas;
import org.cityops.streetfront.parking.ParkingCounts;
import org.cityops.streetfront.parking.ParkingOperator;
import org.cityops.streetfront.parking.ParkingOperators;
import org.cityops.streetfront.parking.TowRecord;
import org.cityops.streetfront.parking.Tows;
import org.cityops.streetfront.web.StreetfrontRoles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 非机动车停放 API: parking areas (bbox for the map, .xlsx import/export), no-parking zones, counts by inspectors and
 * by operators' machine keys ({@code X-Api-Key}, purpose {@code PARKING_COUNTS}), overflow alerts, operators with
 * their statistics and 红黑榜, 违停拖移.
 */
@RestController
@RequestMapping("/api/v1/parking")
@PreAuthorize(StreetfrontRoles.READ)
class ParkingApiController {

    static final String OPERATOR_KEY = "hasAuthority('API_CLIENT_PARKING_COUNTS')";

    private final ParkingAreas areas;
    private final ParkingCounts counts;
    private final ParkingOperators operators;
    private final Tows tows;
    private final GeofencingFeed feed;

    ParkingApiController(
            ParkingAreas areas, ParkingCounts counts, ParkingOperators operators, Tows tows, GeofencingFeed feed) {
        this.feed = feed;
        this.areas = areas;
        this.counts = counts;
        this.operators = operators;
        this.tows = tows;
    }

    /** The caller's areas; {@code bbox=minLon,minLat,maxLon,maxLat} for the map. */
    @GetMapping("/areas")
    List<ParkingArea> areas(@CurrentActor StaffMember me, @RequestParam(required = false) String bbox) {
        if (bbox == null) {
            return areas.list(me);
        }
        double[] b = bbox(bbox);
        return areas.inBox(me, b[0], b[1], b[2], b[3]);
    }

    static double[] bbox(String bbox) {
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw new InvalidInputException("范围须为 minLon,minLat,maxLon,maxLat bbox needs four numbers", "bbox");
        }
        try {
            double[] out = new double[4];
            for (int i = 0; i < 4; i++) {
                out[i] = Double.parseDouble(p[i].trim());
            }
            return out;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("范围须为数字 bbox needs four numbers", "bbox");
        }
    }

    @GetMapping("/areas/{id}")
    ParkingArea area(@CurrentActor StaffMember me, @PathVariable long id) {
        return areas.get(id, me);
    }

    record AreaRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String lineWkt,
            Double depthM,
            Integer capacity) {}

    @PostMapping("/areas")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<ParkingArea> create(@CurrentActor StaffMember me, @Valid @RequestBody AreaRequest r) {
        ParkingArea a = areas.create(
                new ParkingAreas.AreaDraft(r.code(), r.name(), r.lineWkt(), r.depthM(), r.capacity()), me, false);
        feed.changed(); // after the commit (the service's transaction)
        return ResponseEntity.status(HttpStatus.CREATED).body(a);
    }

    record AreaEditRequest(
            @NotBlank(message = "必填 required") @Size(max = 200, message = "不超过200字 at most 200 characters")
            String name,

            @NotBlank(message = "必填 required") @Size(max = 100_000, message = "过长 too long")
            String lineWkt,

            Double depthM,
            Integer capacity) {}

    /** Edits an area (all fields at once, or none: 400 naming the refused field). */
    @PutMapping("/areas/{id}")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ParkingArea update(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody AreaEditRequest r) {
        ParkingArea a =
                areas.update(id, new ParkingAreas.AreaEdit(r.name(), r.lineWkt(), r.depthM(), r.capacity()), me);
        feed.changed();
        return a;
    }

    @GetMapping("/areas/export")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me) {
        return XlsxDownload.download("非机动车停放区.xlsx", areas.exportXlsx(me));
    }

    /** .xlsx, all or nothing: 200 with the count, or 400 with every row's problems (row and column). */
    @PostMapping("/areas/import")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<ParkingAreas.ImportReport> importAreas(
            @CurrentActor StaffMember me, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("请选择 .xlsx 文件 choose an .xlsx file", "file");
        }
        ParkingAreas.ImportReport r;
        try (InputStream in = file.getInputStream()) {
            r = areas.importXlsx(in, me);
        }
        feed.changed();
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/zones")
    List<NoParkingZone> zones(@CurrentActor StaffMember me) {
        return areas.zones(me);
    }

    record ZoneRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String polygonWkt) {}

    @PostMapping("/zones")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<NoParkingZone> createZone(@CurrentActor StaffMember me, @Valid @RequestBody ZoneRequest r) {
        NoParkingZone z = areas.createZone(r.code(), r.name(), r.polygonWkt(), me, false);
        feed.changed();
        return ResponseEntity.status(HttpStatus.CREATED).body(z);
    }

    record InspectorCount(@NotNull(message = "必填 required") Integer bikes) {}

    /** An inspector's count of every bicycle in the area. */
    @PostMapping("/areas/{id}/counts")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    ParkingCounts.CountResult inspectorCount(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody InspectorCount r) {
        return counts.byInspector(id, r.bikes(), me);
    }

    record OperatorCount(
            @NotBlank(message = "必填 required") String areaCode,
            @NotNull(message = "必填 required") Integer bikes) {}

    /** An operator's count of its own bicycles in one area, with its machine key (X-Api-Key). */
    @PostMapping("/counts")
    @PreAuthorize(OPERATOR_KEY)
    ParkingCounts.CountResult operatorCount(Authentication caller, @Valid @RequestBody OperatorCount r) {
        ParkingOperator op = operators
                .byClient(caller.getName())
                .orElseThrow(() -> new AccessDeniedException("该密钥不属于运营企业 the key is not an operator's"));
        return counts.byOperator(op, r.areaCode(), r.bikes());
    }

    @GetMapping("/alerts")
    List<OverflowAlert> alerts(@CurrentActor StaffMember me, @RequestParam(defaultValue = "false") boolean all) {
        return counts.alerts(me, all);
    }

    @GetMapping("/operators")
    List<ParkingOperators.OperatorStats> operators() {
        return operators.stats();
    }

    record OperatorRequest(
            @NotBlank(message = "必填 required") String code,
            @NotBlank(message = "必填 required") String name,
            @NotBlank(message = "必填 required") String creditCode,
            @NotNull(message = "必填 required") Integer fleetCap) {}

    @PostMapping("/operators")
    @PreAuthorize(StreetfrontRoles.MANAGE)
    ResponseEntity<ParkingOperator> createOperator(
            @CurrentActor StaffMember me, @Valid @RequestBody OperatorRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(operators.create(r.code(), r.name(), r.creditCode(), r.fleetCap(), me, false));
    }

    record IssuedKey(String key) {}

    /** A new machine key for the operator, shown once. */
    @PostMapping("/operators/{id}/key")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<IssuedKey> issueKey(@CurrentActor StaffMember me, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(operators.issueKey(id, me)));
    }

    /** Revokes every key of the operator at once (its machines get 401 from the next request); the count revoked. */
    @PostMapping("/operators/{id}/key/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    ParkingOperators.Revoked revokeKeys(@CurrentActor StaffMember me, @PathVariable long id) {
        return operators.revokeKeys(id, me);
    }

    /** Rotates the operator's key: every old key revoked, one new key issued and shown once. */
    @PostMapping("/operators/{id}/key/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<IssuedKey> rotateKey(@CurrentActor StaffMember me, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(operators.rotateKey(id, me)));
    }

    @GetMapping("/tows")
    List<TowRecord> tows(@CurrentActor StaffMember me) {
        return tows.list(me);
    }

    record TowRequest(
            @NotBlank(message = "必填 required") String vehicleKind,

            @NotBlank(message = "必填 required") @Size(max = 64)
            String vehicleId,

            Long operatorId,
            @NotNull(message = "必填 required") Double lat,
            @NotNull(message = "必填 required") Double lon,
            @Size(max = 300) String address,

            @NotBlank(message = "必填 required") @Size(max = 200)
            String yard) {}

    @PostMapping("/tows")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    ResponseEntity<TowRecord> tow(@CurrentActor StaffMember me, @Valid @RequestBody TowRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tows.tow(
                        new Tows.TowDraft(
                                r.vehicleKind(),
                                r.vehicleId(),
                                r.operatorId(),
                                r.lat(),
                                r.lon(),
                                r.address(),
                                r.yard()),
                        me,
                        false));
    }

    record ReleaseRequest(
            @NotBlank(message = "必填 required") @Size(max = 200)
            String releasedTo,

            @NotNull(message = "必填 required") BigDecimal fee,
            @Size(max = 300) String feeNote) {}

    @PostMapping("/tows/{id}/release")
    @PreAuthorize(StreetfrontRoles.INSPECT)
    TowRecord release(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ReleaseRequest r) {
        return tows.release(id, r.releasedTo(), r.fee(), r.feeNote(), me);
    }
}
