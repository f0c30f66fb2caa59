package org.cityops.streetfront.zone.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.streetfront.zone.Parties;
import org.cityops.streetfront.zone.ResponsibilityLetters;
import org.cityops.streetfront.zone.Zone;
import org.cityops.streetfront.zone.ZoneDraft;
import org.cityops.streetfront.zone.ZoneInspection;
import org.cityops.streetfront.zone.ZoneInspections;
import org.cityops.streetfront.zone.ZoneMap;
import org.cityops.streetfront.zone.ZoneRates;
import org.cityops.streetfront.zone.Zones;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 门前三包 API: zones (import/export), 责任书 (.docx, signing, 上墙), inspections, the three rates, a party. */
@RestController("streetfrontZoneApiController")
@RequestMapping("/api/v1/streetfront")
@PreAuthorize(ZoneRoles.READ)
class ZoneApiController {

    private final Zones zones;
    private final ResponsibilityLetters letters;
    private final ZoneInspections inspections;
    private final ZoneRates rates;
    private final Parties parties;
    private final ZoneMap map;

    ZoneApiController(
            Zones zones,
            ResponsibilityLetters letters,
            ZoneInspections inspections,
            ZoneRates rates,
            Parties parties,
            ZoneMap map) {
        this.map = map;
        this.zones = zones;
        this.letters = letters;
        this.inspections = inspections;
        this.rates = rates;
        this.parties = parties;
    }

    /** A new zone; {@code polygon} is WKT, {@code overlapReason} needed only when it overlaps another zone. */
    record ZoneBody(
            @NotBlank(message = "必填 required") @Size(max = 64, message = "不超过64字 at most 64 characters")
            String code,

            @NotBlank(message = "必填 required") @Size(max = 200, message = "不超过200字 at most 200 characters")
            String name,

            @NotBlank(message = "必填 required") @Size(max = 200, message = "不超过200字 at most 200 characters")
            String partyName,

            @NotBlank(message = "必填 required") @Size(max = 18, message = "须为18位 18 characters")
            String partyCreditCode,

            @Size(max = 64, message = "不超过64字 at most 64 characters")
            String contactName,

            @Size(max = 32, message = "不超过32字 at most 32 characters")
            String contactPhone,

            @Size(max = 300, message = "不超过300字 at most 300 characters")
            String address,

            @NotBlank(message = "必填 required") @Size(max = 100_000, message = "过长 too long")
            String polygon,

            @Size(max = 500, message = "不超过500字 at most 500 characters")
            String overlapReason) {

        ZoneDraft draft() {
            return new ZoneDraft(
                    code, name, partyName, partyCreditCode, contactName, contactPhone, address, polygon, overlapReason);
        }
    }

    record InspectionBody(
            String cityscape,
            String sanitation,
            String order,
            String greenery,

            @Size(max = 500, message = "不超过500字 at most 500 characters")
            String note) {}

    record SignatureBody(
            @NotBlank(message = "必填 required") @Size(max = 64, message = "不超过64字 at most 64 characters")
            String signerName,

            @NotBlank(message = "请签名 sign first") String signature) {}

    @GetMapping("/zones")
    List<Zone> list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String q) {
        return zones.list(me, party, street, q);
    }

    /** The map's 门前三包 layer: zones meeting {@code bbox=minLon,minLat,maxLon,maxLat}, with 履约 status and rating. */
    @GetMapping("/zones/map")
    List<ZoneMap.MapZone> onMap(@CurrentActor StaffMember me, @RequestParam(required = false) String bbox) {
        double[] b = ZoneMap.parseBox(bbox);
        return map.inBox(me, b[0], b[1], b[2], b[3]);
    }

    @PostMapping("/zones")
    @PreAuthorize(ZoneRoles.MANAGE)
    ResponseEntity<Zone> create(@CurrentActor StaffMember me, @Valid @RequestBody ZoneBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(zones.create(body.draft(), me, false));
    }

    @GetMapping("/zones/{id}")
    Zone zone(@CurrentActor StaffMember me, @PathVariable long id) {
        return zones.get(id, me);
    }

    @GetMapping("/zones/export")
    ResponseEntity<byte[]> export(@CurrentActor StaffMember me) {
        return XlsxDownload.download("门前三包责任区.xlsx", zones.exportXlsx(me));
    }

    @GetMapping("/zones/template")
    ResponseEntity<byte[]> template() {
        return XlsxDownload.download("门前三包责任区导入模板.xlsx", zones.templateXlsx());
    }

    /** All or nothing: 200 with the count, or 400 with every row's problem (row, column, message). */
    @PostMapping("/zones/import")
    @PreAuthorize(ZoneRoles.MANAGE)
    ResponseEntity<Zones.ImportReport> importZones(
            @CurrentActor StaffMember me, @RequestParam("file") MultipartFile file) throws IOException {
        Zones.ImportReport report = zones.importXlsx(file.getInputStream(), me);
        return report.errors().isEmpty()
                ? ResponseEntity.ok(report)
                : ResponseEntity.badRequest().body(report);
    }

    @GetMapping("/zones/{id}/letter.docx")
    ResponseEntity<byte[]> letter(@CurrentActor StaffMember me, @PathVariable long id) {
        byte[] docx = letters.docx(id, me);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "门前三包责任书-" + zones.get(id, me).code() + ".docx",
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(ResponsibilityLetters.DOCX))
                .body(docx);
    }

    @PostMapping("/zones/{id}/letter/scan")
    @PreAuthorize(ZoneRoles.FIELD)
    Zone scan(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String signerName)
            throws IOException {
        return letters.signByScan(
                id,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(),
                signerName,
                me);
    }

    @PostMapping("/zones/{id}/letter/signature")
    @PreAuthorize(ZoneRoles.FIELD)
    Zone signature(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody SignatureBody body) {
        return letters.signOnScreen(id, body.signature(), body.signerName(), me);
    }

    @PostMapping("/zones/{id}/letter/posted")
    @PreAuthorize(ZoneRoles.FIELD)
    Zone posted(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(value = "photo", required = false) MultipartFile photo)
            throws IOException {
        return letters.posted(
                id, photo == null ? null : photo.getOriginalFilename(), photo == null ? null : photo.getBytes(), me);
    }

    @GetMapping("/zones/{id}/inspections")
    List<ZoneInspection> history(@CurrentActor StaffMember me, @PathVariable long id) {
        return inspections.history(id, me);
    }

    /** Items not given are 合格; each is PASS/FAIL/NA or 合格/不合格/不涉及. */
    @PostMapping("/zones/{id}/inspections")
    @PreAuthorize(ZoneRoles.FIELD)
    ResponseEntity<ZoneInspection> inspect(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody InspectionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(inspections.record(
                        id,
                        ZoneForms.items(body.cityscape(), body.sanitation(), body.order(), body.greenery()),
                        body.note(),
                        me));
    }

    /** 签约率, 上墙率, 履约率 of a month ({@code yyyy-MM}, default this month) per street, district and city. */
    @GetMapping("/zone-rates")
    ZoneRates.Report rates(@CurrentActor StaffMember me, @RequestParam(required = false) String month) {
        return rates.of(month, me);
    }

    /** One party by its 统一社会信用代码: its zones, signs and cases. */
    @GetMapping("/parties/{creditCode}")
    Parties.Party party(@CurrentActor StaffMember me, @PathVariable String creditCode) {
        return parties.of(creditCode, me);
    }
}
