package org.cityops.wastestream.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.DataScope;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.wastestream.ImportReport;
import org.cityops.wastestream.balance.AnnualFigures;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.DailyClearance;
import org.cityops.wastestream.balance.MissedCollectionRule;
import org.cityops.wastestream.balance.ReceiptDraft;
import org.cityops.wastestream.balance.Trip;
import org.cityops.wastestream.balance.WeighbridgeImport;
import org.cityops.wastestream.collection.BulkCollections;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.Collections;
import org.cityops.wastestream.collection.Routes;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.collection.WasteVehicle;
import org.cityops.wastestream.ledger.Container;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerDraft;
import org.cityops.wastestream.ledger.Producers;
import org.cityops.wastestream.ledger.SigningRate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 餐厨废弃物收运监管 API: producers, containers, vehicles, collections (batch, idempotent by device record id),
 * weighbridge receipts, trips, 漏收, 日产日清率, signing rates and the period's figures. Writers: ADMIN and
 * SANITATION_SUPERVISOR (环卫处 supervises kitchen waste); LEADER reads.
 *
 * <p>Over 400 lines: the module's JSON API in one place; split per sub-area (ledger, collections,
 * routes) when it next grows (to do).
 */
@RestController
@RequestMapping("/api/v1/wastestream")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class WasteApiController {

    private static final String WRITERS = "hasAnyRole('ADMIN','SANITATION_SUPERVISOR')";

    /** The authority of a device key (X-Api-Key issued for WASTE_DEVICE): city-wide, like a forwarding platform. */
    static final String DEVICE_KEY = "API_CLIENT_WASTE_DEVICE";

    private final Producers producers;
    private final WasteFleet fleet;
    private final Collections collections;
    private final BulkCollections bulk;
    private final Routes routes;
    private final Balances balances;
    private final WeighbridgeImport weighbridgeImport;
    private final Clock clock;

    WasteApiController(
            Producers producers,
            WasteFleet fleet,
            Collections collections,
            BulkCollections bulk,
            Routes routes,
            Balances balances,
            WeighbridgeImport weighbridgeImport,
            Clock clock) {
        this.producers = producers;
        this.fleet = fleet;
        this.collections = collections;
        this.bulk = bulk;
        this.routes = routes;
        this.balances = balances;
        this.weighbridgeImport = weighbridgeImport;
        this.clock = clock;
    }

    @GetMapping("/producers")
    List<Producer> producers(@CurrentActor StaffMember me) {
        return producers.list(me);
    }

    @GetMapping("/producers/{id}")
    Producer producer(@CurrentActor StaffMember me, @PathVariable long id) {
        return producers.get(id, me);
    }

    record ProducerRequest(
            @NotBlank(message = "必填 required") String creditCode,

            @NotBlank(message = "必填 required") @Size(max = 200)
            String name,

            String foodLicence,
            @Size(max = 300) String address,
            @NotNull(message = "必填 required") Double lat,
            @NotNull(message = "必填 required") Double lon,
            @NotBlank(message = "必填 required") String category,

            @DecimalMin(value = "0", message = "不能为负 must not be negative")
            BigDecimal expectedKgDay,

            String collector,
            LocalDate contractFrom,
            LocalDate contractTo) {}

    @PostMapping("/producers")
    @PreAuthorize(WRITERS)
    ResponseEntity<Producer> create(@CurrentActor StaffMember me, @Valid @RequestBody ProducerRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(producers.create(
                        new ProducerDraft(
                                r.creditCode(),
                                r.name(),
                                r.foodLicence(),
                                r.address(),
                                r.lat(),
                                r.lon(),
                                r.category(),
                                r.expectedKgDay(),
                                r.collector(),
                                r.contractFrom(),
                                r.contractTo()),
                        me));
    }

    @GetMapping("/producers/{id}/containers")
    List<Container> containers(@CurrentActor StaffMember me, @PathVariable long id) {
        return producers.containers(id, me);
    }

    record ContainerRequest(
            @NotBlank(message = "必填 required") @Size(max = 64)
            String tag,

            @NotNull(message = "必填 required") @Min(10) @Max(2000)
            Integer volumeL) {}

    @PostMapping("/producers/{id}/containers")
    @PreAuthorize(WRITERS)
    ResponseEntity<Container> addContainer(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ContainerRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(producers.addContainer(id, r.tag(), r.volumeL(), me));
    }

    /** .xlsx, all or nothing: 200 with the count, or 400 with every row's problems (row and column). */
    @PostMapping("/producers/import")
    @PreAuthorize(WRITERS)
    ResponseEntity<ImportReport> importProducers(@CurrentActor StaffMember me, @RequestParam("file") MultipartFile file)
            throws IOException {
        requireXlsx(file);
        ImportReport r;
        try (InputStream in = file.getInputStream()) {
            r = producers.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/producers/export")
    ResponseEntity<byte[]> exportProducers(@CurrentActor StaffMember me) {
        return XlsxDownload.download("餐厨废弃物产生单位.xlsx", producers.exportXlsx(me));
    }

    @GetMapping("/signing-rates")
    List<SigningRate> signingRates(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return producers.signingRates(dayOr(day), me);
    }

    @GetMapping("/vehicles")
    List<WasteVehicle> vehicles(@CurrentActor StaffMember me) {
        return fleet.list(me);
    }

    record VehicleRequest(
            @NotBlank(message = "必填 required") String plate,

            @NotNull(message = "必填 required") @Min(0) @Max(9)
            Integer plateColor,

            @NotBlank(message = "必填 required") String terminal,

            @NotNull(message = "必填 required")
            @DecimalMin(value = "0.01", message = "须大于0 must be positive")
            @DecimalMax(value = "50000", message = "不超过50000千克 at most 50000 kg")
            BigDecimal ratedLoadKg,

            String company,
            String districtCode) {}

    @PostMapping("/vehicles")
    @PreAuthorize(WRITERS)
    ResponseEntity<WasteVehicle> register(@CurrentActor StaffMember me, @Valid @RequestBody VehicleRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(fleet.register(
                        r.plate(), r.plateColor(), r.terminal(), r.ratedLoadKg(), r.company(), r.districtCode(), me));
    }

    record CollectionBatch(
            @NotEmpty(message = "必填 required") @Size(max = 2000, message = "一批不超过2000条 at most 2000 records")
            List<CollectionDraft> records) {}

    /**
     * On-board scales and RFID readers: a batch, all or nothing. 200 with accepted / duplicates (already stored,
     * skipped) / flagged (far from the producer); 400 with every record's problems (row = position from 1, field).
     */
    @PostMapping("/collections")
    @PreAuthorize(WRITERS + " or hasAuthority('" + DEVICE_KEY + "')")
    ResponseEntity<Collections.SubmitReport> collect(
            @CurrentActor(required = false) StaffMember me,
            Authentication caller,
            @Valid @RequestBody CollectionBatch b) {
        Collections.SubmitReport r = collections.submit(b.records(), "API", actor(me, caller));
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @PostMapping("/collections/import")
    @PreAuthorize(WRITERS)
    ResponseEntity<Collections.SubmitReport> importCollections(
            @CurrentActor StaffMember me, @RequestParam("file") MultipartFile file) throws IOException {
        requireXlsx(file);
        Collections.SubmitReport r;
        try (InputStream in = file.getInputStream()) {
            r = collections.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    /**
     * The bulk path: the request body is a UTF-8 CSV with the .xlsx import's columns (optionally gzip, with
     * {@code Content-Encoding: gzip}), up to 2,000,000 rows, read as a stream; the same checks, all or nothing.
     */
    @PostMapping(
            path = "/collections/import.csv",
            consumes = {"text/csv", "application/octet-stream"})
    @PreAuthorize(WRITERS)
    ResponseEntity<Collections.SubmitReport> importCollectionsCsv(
            @CurrentActor StaffMember me, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        Collections.SubmitReport r;
        InputStream body = request.getInputStream();
        if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
            body = new java.util.zip.GZIPInputStream(body, 1 << 16);
        }
        try (InputStream in = body) {
            r = bulk.importCsv(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    /** 收运线路: the stops of the vehicles in the caller's area. */
    @GetMapping("/routes")
    List<Routes.StopView> routes(@CurrentActor StaffMember me) {
        return routes.list(me);
    }

    record StopRequest(
            @NotBlank(message = "必填 required") String plate,

            @NotNull(message = "必填 required")
            @Min(value = 1, message = "1（周一）至7（周日）1..7")
            @Max(value = 7, message = "1（周一）至7（周日）1..7")
            Integer weekday,

            @NotBlank(message = "必填 required") String creditCode,
            @NotNull(message = "必填 required") java.time.LocalTime from,
            @NotNull(message = "必填 required") java.time.LocalTime to) {}

    /** Adds a stop to a vehicle's route (or moves the window of the same stop); 400 naming the field. */
    @PostMapping("/routes")
    @PreAuthorize(WRITERS)
    ResponseEntity<Routes.StopView> addStop(@CurrentActor StaffMember me, @Valid @RequestBody StopRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(routes.add(r.plate(), r.weekday(), r.creditCode(), r.from(), r.to(), me));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/routes/{id}")
    @PreAuthorize(WRITERS)
    ResponseEntity<Void> removeStop(@CurrentActor StaffMember me, @PathVariable long id) {
        routes.remove(id, me);
        return ResponseEntity.noContent().build();
    }

    record ReceiptBatch(
            @NotEmpty(message = "必填 required") @Size(max = 5000, message = "一批不超过5000条 at most 5000 records")
            List<ReceiptDraft> receipts) {}

    /** The plant's weighbridge: a batch, all or nothing, idempotent by receipt number. */
    @PostMapping("/weighbridge")
    @PreAuthorize(WRITERS + " or hasAuthority('" + DEVICE_KEY + "')")
    ResponseEntity<Balances.ReceiptReport> weighbridge(
            @CurrentActor(required = false) StaffMember me, Authentication caller, @Valid @RequestBody ReceiptBatch b) {
        Balances.ReceiptReport r = balances.submitReceipts(b.receipts(), actor(me, caller));
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    /** The plant's weighbridge export (.xlsx), all or nothing; errors name the Excel row and column. */
    @PostMapping("/weighbridge/import")
    @PreAuthorize(WRITERS)
    ResponseEntity<Balances.ReceiptReport> importWeighbridge(
            @CurrentActor StaffMember me, @RequestParam("file") MultipartFile file) throws IOException {
        requireXlsx(file);
        Balances.ReceiptReport r;
        try (InputStream in = file.getInputStream()) {
            r = weighbridgeImport.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/trips")
    List<Trip> trips(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return balances.trips(dayOr(day), me);
    }

    @GetMapping("/far-pickups")
    List<org.cityops.wastestream.balance.FarPickup> farPickups(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return balances.farPickups(dayOr(day), me);
    }

    @GetMapping("/missed")
    List<MissedCollectionRule.Missed> missed(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return balances.missed(dayOr(day), me);
    }

    @GetMapping("/clearance")
    List<DailyClearance> clearance(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return balances.clearance(dayOr(day), me);
    }

    record Figures(
            LocalDate from,
            LocalDate to,
            long days,
            long producers,
            long pickups,
            BigDecimal tonnes,
            BigDecimal tonnesPerDay) {}

    /** 共收运 … 吨, 日均 … 吨 over [from, to] (calendar days, both ends included). */
    @GetMapping("/figures")
    Figures figures(
            @CurrentActor StaffMember me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("截止日早于起始日 to is before from", "to");
        }
        AnnualFigures f = balances.figures(from, to, me);
        return new Figures(f.from(), f.to(), f.days(), f.producers(), f.pickups(), f.tonnes(), f.tonnesPerDay());
    }

    /**
     * The staff member, or for a device key a city-wide actor named after the key's client (the audit trail shows
     * {@code api-client:<name>}): a device has no district, as a forwarding platform has none.
     */
    private static StaffMember actor(StaffMember me, Authentication caller) {
        if (me != null) {
            return me;
        }
        return new StaffMember(0, caller.getName(), caller.getName(), Set.of(), DataScope.CITY, null, null, null);
    }

    private LocalDate dayOr(LocalDate day) {
        return day != null ? day : LocalDate.ofInstant(Instant.now(clock), CityClock.ZONE);
    }

    private static void requireXlsx(MultipartFile file) {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase();
        if (!name.endsWith(".xlsx")) {
            throw new InvalidInputException("文件须为 .xlsx file must be .xlsx", "file");
        }
    }
}
