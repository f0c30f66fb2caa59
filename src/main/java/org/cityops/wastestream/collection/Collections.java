package org.cityops.wastestream.collection;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ScopeFilter;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.NamedHeader;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.wastestream.RowError;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collections (收运记录) from on-board scales and RFID readers (API batches), spreadsheets and the demo: every record
 * of a batch is checked ({@link CollectionRules}) and the batch is stored all or nothing. A device record id
 * already stored is skipped, so a device may resend a batch after a lost answer; the same id twice in one batch is
 * an error. A pickup far from its producer is stored with its flag. One audit entry per batch.
 */
@Service
public class Collections {

    /**
     * @param flagged  stored far from their producer
     * @param offRoute stored with a route flag (not on the vehicle's route that weekday, or outside its window)
     */
    public record SubmitReport(int accepted, int duplicates, int flagged, int offRoute, List<RowError> errors) {
        static SubmitReport refused(List<RowError> errors) {
            return new SubmitReport(0, 0, 0, 0, errors);
        }
    }

    public static final List<String> HEADERS =
            List.of("设备记录号", "统一社会信用代码", "桶号", "收运时间", "毛重(千克)", "皮重(千克)", "净重(千克)", "估重", "车牌号", "收运人", "纬度", "经度");

    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("deviceRecordId", "设备记录号"),
            Map.entry("creditCode", "统一社会信用代码"),
            Map.entry("containerTag", "桶号"),
            Map.entry("collectedAt", "收运时间"),
            Map.entry("grossKg", "毛重(千克)"),
            Map.entry("tareKg", "皮重(千克)"),
            Map.entry("netKg", "净重(千克)"),
            Map.entry("plate", "车牌号"),
            Map.entry("lat", "纬度"),
            Map.entry("lon", "经度"));

    /** Rows of one collections workbook (a month of one collector fits). */
    static final int MAX_IMPORT_ROWS = 200_000;

    static final UploadedWorkbook.Limits IMPORT_LIMITS =
            new UploadedWorkbook.Limits(60L << 20, 1L << 30, UploadedWorkbook.Limits.DEFAULT.maxParts());

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Producers producers;
    private final WasteFleet fleet;
    private final AuditTrail audit;
    private final Clock clock;
    private final CollectionRules rules;
    private final Routes routes;

    Collections(
            JdbcClient jdbc,
            JdbcTemplate template,
            Producers producers,
            WasteFleet fleet,
            AuditTrail audit,
            Clock clock,
            Routes routes,
            @Value("${cityops.wastestream.max-distance-m:200}") double maxDistanceM) {
        this.routes = routes;
        this.jdbc = jdbc;
        this.template = template;
        this.producers = producers;
        this.fleet = fleet;
        this.audit = audit;
        this.clock = clock;
        this.rules = new CollectionRules(maxDistanceM);
    }

    /** A batch from the API (or the demo); rows are the records' positions from 1, fields the JSON names. */
    @Transactional
    public SubmitReport submit(List<CollectionDraft> drafts, String source, StaffMember me) {
        return store(drafts, null, source, me, false);
    }

    /** The .xlsx of {@link #HEADERS}, all or nothing; rows are Excel rows, fields the column headers. */
    @Transactional
    public SubmitReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<CollectionDraft> drafts = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in, IMPORT_LIMITS)) {
            UploadedSheet sheet = wb.firstSheet();
            NamedHeader header = NamedHeader.findNamingMissing(sheet, HEADERS, HEADERS);
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return SubmitReport.refused(List.of(RowError.of(p)));
            }
            HeaderColumns<String> cols = header.columns();
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : header.rowsBelow(MAX_IMPORT_ROWS)) {
                Instant at = null;
                String time = r.textOrNull(cols.of("收运时间"));
                if (time != null) {
                    try {
                        at = LocalDateTime.parse(time, TIME)
                                .atZone(CityClock.ZONE)
                                .toInstant();
                    } catch (DateTimeParseException e) {
                        errors.add(new RowError(
                                r.number(), "收运时间", "时间格式应为 yyyy-MM-dd HH:mm time must be yyyy-MM-dd HH:mm"));
                    }
                }
                BigDecimal lat = r.decimal(cols.of("纬度"), "纬度", sheetErrors);
                BigDecimal lon = r.decimal(cols.of("经度"), "经度", sheetErrors);
                String estimated = r.textOrNull(cols.of("估重"));
                drafts.add(new CollectionDraft(
                        r.textOrNull(cols.of("设备记录号")),
                        r.textOrNull(cols.of("统一社会信用代码")),
                        r.textOrNull(cols.of("桶号")),
                        at,
                        r.decimal(cols.of("毛重(千克)"), "毛重(千克)", sheetErrors),
                        r.decimal(cols.of("皮重(千克)"), "皮重(千克)", sheetErrors),
                        r.decimal(cols.of("净重(千克)"), "净重(千克)", sheetErrors),
                        estimated != null && Boolean.TRUE.equals(DataRow.yesNo(estimated)),
                        r.textOrNull(cols.of("车牌号")),
                        r.textOrNull(cols.of("收运人")),
                        null,
                        lat == null ? null : lat.doubleValue(),
                        lon == null ? null : lon.doubleValue()));
                rowNumbers.add(r.number());
            }
            errors.addAll(sheetErrors.map(RowError::of));
        }
        if (drafts.isEmpty() && errors.isEmpty()) {
            return SubmitReport.refused(List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            // a cell of the wrong type: report those with the rules' problems of the other rows
            SubmitReport checked = store(drafts, rowNumbers, "XLSX", me, true);
            List<RowError> all = new ArrayList<>(errors);
            all.addAll(checked.errors());
            all.sort(Comparator.comparingInt(RowError::row));
            return SubmitReport.refused(all);
        }
        return store(drafts, rowNumbers, "XLSX", me, false);
    }

    private SubmitReport store(
            List<CollectionDraft> drafts, List<Integer> rowNumbers, String source, StaffMember me, boolean checkOnly) {
        boolean xlsx = rowNumbers != null;
        CollectionRules.Ledger ledger = ledger();
        ScopeFilter scope = Producers.scope(me);
        Instant now = clock.instant();
        List<RowError> errors = new ArrayList<>();
        List<CollectionRules.Checked> ok = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CollectionDraft d = drafts.get(i);
            int row = xlsx ? rowNumbers.get(i) : i + 1;
            List<CollectionRules.Problem> problems = rules.problems(d, ledger, now);
            problems.forEach(
                    p -> errors.add(new RowError(row, xlsx ? COLUMN_OF.get(p.field()) : p.field(), p.message())));
            String id = d.deviceRecordId() == null ? null : d.deviceRecordId().trim();
            if (id != null && !id.isEmpty() && !ids.add(id)) {
                errors.add(new RowError(
                        row,
                        xlsx ? COLUMN_OF.get("deviceRecordId") : "deviceRecordId",
                        "同一批中设备记录号重复 duplicate device record id in the batch: " + id));
            }
            if (problems.isEmpty()) {
                CollectionRules.Checked c = rules.check(d, ledger);
                if (!scope.matches(c.producer().districtCode(), null, null)) {
                    errors.add(new RowError(
                            row,
                            xlsx ? COLUMN_OF.get("creditCode") : "creditCode",
                            "产生单位不在您的管辖范围 producer outside your area"));
                } else {
                    ok.add(c);
                }
            }
        }
        if (!errors.isEmpty() || checkOnly) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return SubmitReport.refused(errors);
        }
        Set<String> stored = storedIds(ids);
        List<CollectionRules.Checked> fresh = ok.stream()
                .filter(c -> !stored.contains(c.draft().deviceRecordId().trim()))
                .toList();
        RouteRules routeRules = routes.rules();
        int offRoute = insert(fresh, source, now, routeRules);
        int flagged = (int) fresh.stream().filter(CollectionRules.Checked::far).count();
        audit.record(
                "WST_COLLECTION",
                "batch",
                "SUBMIT_" + source,
                null,
                fresh.size() + " collections (" + (ok.size() - fresh.size()) + " already stored, " + flagged
                        + " far from producer, " + offRoute + " off route) by " + me.username());
        return new SubmitReport(fresh.size(), ok.size() - fresh.size(), flagged, offRoute, List.of());
    }

    CollectionRules rules() {
        return rules;
    }

    static String column(String field) {
        return COLUMN_OF.getOrDefault(field, field);
    }

    CollectionRules.Ledger ledger() {
        Map<String, Producer> byCredit = producers.byCreditCode();
        Map<Long, Producer> byId = new HashMap<>();
        byCredit.values().forEach(p -> byId.put(p.id(), p));
        return new CollectionRules.Ledger(byCredit, byId, producers.containersByTag(), fleet.byPlate());
    }

    Set<String> storedIds(java.util.Collection<String> ids) {
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            out.addAll(jdbc.sql("SELECT device_record_id FROM wst_collection WHERE device_record_id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + BATCH)))
                    .query(String.class)
                    .list());
        }
        return out;
    }

    /** Stores the rows in JDBC batches; returns how many got a route flag. */
    private int insert(List<CollectionRules.Checked> rows, String source, Instant now, RouteRules routeRules) {
        int[] offRoute = {0};
        template.batchUpdate("""
                INSERT INTO wst_collection (device_record_id, producer_id, container_id, vehicle_id, collected_at,
                  pickup_day, gross_kg, tare_kg, net_kg, estimated, collector, photo_url, lat, lon, distance_m,
                  far_flag, district_code, source, created_at, route_flag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, BATCH, (ps, c) -> {
            CollectionDraft d = c.draft();
            ps.setString(1, d.deviceRecordId().trim());
            ps.setLong(2, c.producer().id());
            ps.setObject(3, c.container() == null ? null : c.container().id());
            ps.setLong(4, c.vehicle().id());
            ps.setObject(5, org.cityops.platform.DbTime.toDb(d.collectedAt()));
            ps.setObject(6, LocalDate.ofInstant(d.collectedAt(), CityClock.ZONE));
            ps.setBigDecimal(7, d.grossKg());
            ps.setBigDecimal(8, d.tareKg());
            ps.setBigDecimal(9, c.netKg());
            ps.setBoolean(10, Boolean.TRUE.equals(d.estimated()));
            ps.setString(11, d.collector());
            ps.setString(12, d.photoUrl());
            ps.setObject(13, d.lat());
            ps.setObject(14, d.lon());
            ps.setObject(15, c.distanceM());
            ps.setBoolean(16, c.far());
            ps.setString(17, c.producer().districtCode());
            ps.setString(18, source);
            ps.setObject(19, org.cityops.platform.DbTime.toDb(now));
            String flag = routeRules
                    .flag(c.vehicle().id(), c.producer().id(), d.collectedAt())
                    .map(Enum::name)
                    .orElse(null);
            if (flag != null) {
                offRoute[0]++;
            }
            ps.setString(20, flag);
        });
        return offRoute[0];
    }
}
