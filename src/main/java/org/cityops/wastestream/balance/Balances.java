package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.wastestream.RowError;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.collection.WasteVehicle;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerCategory;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plant's weighbridge receipts (计量) and what is computed from the records: trips and their mass balance,
 * 漏收, 日产日清率 and the period's figures. Lists are in the caller's data scope (a trip by its vehicle's
 * district, the rest by the producer's).
 */
@Service
public class Balances {

    public record ReceiptReport(int accepted, int duplicates, List<RowError> errors) {}

    private static final BigDecimal SLACK_KG = new BigDecimal("0.5");

    private final JdbcClient jdbc;
    private final Producers producers;
    private final WasteFleet fleet;
    private final AuditTrail audit;
    private final Clock clock;
    private final TripRules trips;
    private final MissedCollectionRule missed;

    Balances(
            JdbcClient jdbc,
            Producers producers,
            WasteFleet fleet,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.wastestream.balance-tolerance:0.10}") double tolerance,
            @Value("${cityops.wastestream.missed-days:2}") int missedDays,
            @Value("${cityops.wastestream.missed-days-market:2}") int missedDaysMarket) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.fleet = fleet;
        this.audit = audit;
        this.clock = clock;
        this.trips = new TripRules(tolerance);
        Map<ProducerCategory, Integer> byCategory = new EnumMap<>(ProducerCategory.class);
        byCategory.put(ProducerCategory.MARKET, missedDaysMarket);
        this.missed = new MissedCollectionRule(missedDays, byCategory);
    }

    /** A batch of receipts, all or nothing; a receipt number already stored is skipped. */
    @Transactional
    public ReceiptReport submitReceipts(List<ReceiptDraft> drafts, StaffMember me) {
        Map<String, WasteVehicle> vehicles = fleet.byPlate();
        List<RowError> errors = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        Instant now = clock.instant();
        for (int i = 0; i < drafts.size(); i++) {
            ReceiptDraft d = drafts.get(i);
            int row = i + 1;
            if (d.receiptNo() == null
                    || d.receiptNo().isBlank()
                    || d.receiptNo().trim().length() > 64) {
                errors.add(new RowError(row, "receiptNo", "磅单号必填（不超过64字符）receipt number required"));
            } else if (!numbers.add(d.receiptNo().trim())) {
                errors.add(new RowError(row, "receiptNo", "同一批中磅单号重复 duplicate receipt number in the batch"));
            }
            if (d.plate() == null || !vehicles.containsKey(WasteVehicle.normalizePlate(d.plate()))) {
                errors.add(new RowError(row, "plate", "车辆未登记 vehicle not registered"));
            }
            if (d.inAt() == null || d.outAt() == null) {
                errors.add(new RowError(row, d.inAt() == null ? "inAt" : "outAt", "进出场时间必填 in and out times required"));
            } else if (d.outAt().isBefore(d.inAt())) {
                errors.add(new RowError(row, "outAt", "出场时间早于进场时间 out before in"));
            } else if (d.inAt().isAfter(now.plusSeconds(600))) {
                errors.add(new RowError(row, "inAt", "进场时间晚于当前时间 time is in the future"));
            }
            if (d.grossKg() == null || d.tareKg() == null || d.netKg() == null) {
                errors.add(new RowError(
                        row,
                        d.grossKg() == null ? "grossKg" : d.tareKg() == null ? "tareKg" : "netKg",
                        "毛重、皮重、净重必填 gross, tare and net required"));
            } else if (d.grossKg().signum() < 0
                    || d.tareKg().signum() < 0
                    || d.netKg().signum() < 0) {
                errors.add(new RowError(row, "netKg", "重量不能为负 weight must not be negative"));
            } else if (d.grossKg()
                            .subtract(d.tareKg())
                            .subtract(d.netKg())
                            .abs()
                            .compareTo(SLACK_KG)
                    > 0) {
                errors.add(new RowError(row, "netKg", "净重不等于毛重减皮重 net is not gross minus tare"));
            } else if (d.plate() != null
                    && vehicles.containsKey(WasteVehicle.normalizePlate(d.plate()))
                    && d.netKg()
                                    .compareTo(vehicles.get(WasteVehicle.normalizePlate(d.plate()))
                                            .ratedLoadKg())
                            > 0) {
                errors.add(new RowError(row, "netKg", "净重超过车辆核定载质量 net above the vehicle's rated load"));
            }
        }
        if (!errors.isEmpty()) {
            return new ReceiptReport(0, 0, errors);
        }
        Set<String> stored = new HashSet<>(
                numbers.isEmpty()
                        ? List.of()
                        : jdbc.sql("SELECT receipt_no FROM wst_weighbridge WHERE receipt_no IN (:n)")
                                .param("n", List.copyOf(numbers))
                                .query(String.class)
                                .list());
        int accepted = 0;
        for (ReceiptDraft d : drafts) {
            if (stored.contains(d.receiptNo().trim())) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO wst_weighbridge (receipt_no, plate, in_at, out_at, gross_kg, tare_kg, net_kg, created_at)
                    VALUES (:no, :plate, :in, :out, :gross, :tare, :net, :now)""")
                    .param("no", d.receiptNo().trim())
                    .param("plate", WasteVehicle.normalizePlate(d.plate()))
                    .param("in", DbTime.toDb(d.inAt()))
                    .param("out", DbTime.toDb(d.outAt()))
                    .param("gross", d.grossKg())
                    .param("tare", d.tareKg())
                    .param("net", d.netKg())
                    .param("now", DbTime.toDb(now))
                    .update();
            accepted++;
        }
        audit.record("WST_WEIGHBRIDGE", "batch", "SUBMIT", null, accepted + " receipts by " + me.username());
        return new ReceiptReport(accepted, drafts.size() - accepted, List.of());
    }

    /**
     * The trips weighed (or still open) on a city day, vehicles in the caller's scope; a trip's pickups may
     * reach back one day before it (a trip that started the evening before).
     */
    public List<Trip> trips(LocalDate day, StaffMember me) {
        Instant start = day.atStartOfDay(CityClock.ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant lookback = start.minusSeconds(86_400);
        ScopeFilter scope = Producers.scope(me);
        Map<String, List<Pickup>> pickups = new HashMap<>();
        jdbc.sql("""
                SELECT c.id, v.plate, c.collected_at, c.net_kg, c.producer_id, c.far_flag
                FROM wst_collection c JOIN wst_vehicle v ON v.id = c.vehicle_id
                WHERE c.collected_at >= :from AND c.collected_at < :to""")
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query((rs, n) -> new Pickup(
                        rs.getLong(1),
                        rs.getString(2),
                        DbTime.fromDb(rs.getObject(3, java.time.OffsetDateTime.class)),
                        rs.getBigDecimal(4),
                        rs.getLong(5),
                        rs.getBoolean(6)))
                .list()
                .forEach(p -> pickups.computeIfAbsent(p.plate(), k -> new ArrayList<>())
                        .add(p));
        Map<String, List<WeighbridgeReceipt>> receipts = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_weighbridge WHERE in_at >= :from AND in_at < :to")
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query((rs, n) -> new WeighbridgeReceipt(
                        rs.getString("receipt_no"),
                        rs.getString("plate"),
                        DbTime.fromDb(rs.getObject("in_at", java.time.OffsetDateTime.class)),
                        DbTime.fromDb(rs.getObject("out_at", java.time.OffsetDateTime.class)),
                        rs.getBigDecimal("gross_kg"),
                        rs.getBigDecimal("tare_kg"),
                        rs.getBigDecimal("net_kg")))
                .list()
                .forEach(r -> receipts.computeIfAbsent(r.plate(), k -> new ArrayList<>())
                        .add(r));
        List<Trip> out = new ArrayList<>();
        for (WasteVehicle v : fleet.byPlate().values()) {
            if (!scope.matches(v.districtCode(), null, null)) {
                continue;
            }
            String plate = WasteVehicle.normalizePlate(v.plate());
            out.addAll(trips.trips(
                    plate, pickups.getOrDefault(plate, List.of()), receipts.getOrDefault(plate, List.of()), start));
        }
        out.sort(Comparator.comparing(Trip::plate)
                .thenComparing(t -> t.weighedAt() == null ? Instant.MAX : t.weighedAt()));
        return out;
    }

    /** Pickups of a city day flagged far from their producer, in the caller's scope (by the producer's district). */
    public List<FarPickup> farPickups(LocalDate day, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = Producers.scope(me).sql(ScopeColumns.area("c.district_code"), params);
        params.put("d", Date.valueOf(day));
        return jdbc.sql("""
                        SELECT c.device_record_id, p.name, c.district_code, v.plate, c.collected_at, c.net_kg, c.distance_m
                        FROM wst_collection c JOIN wst_producer p ON p.id = c.producer_id
                          JOIN wst_vehicle v ON v.id = c.vehicle_id
                        WHERE c.pickup_day = :d AND c.far_flag""" + " AND " + where + " ORDER BY c.collected_at")
                .params(params)
                .query((rs, n) -> new FarPickup(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        DbTime.fromDb(rs.getObject(5, java.time.OffsetDateTime.class)),
                        rs.getBigDecimal(6),
                        rs.getDouble(7)))
                .list();
    }

    /** 漏收 on a day: signed producers in the caller's scope without a pickup for their category's N days. */
    public List<MissedCollectionRule.Missed> missed(LocalDate day, StaffMember me) {
        ScopeFilter scope = Producers.scope(me);
        List<Producer> signed = producers.signedOn(day).values().stream()
                .filter(p -> scope.matches(p.districtCode(), null, null))
                .toList();
        return missed.missed(signed, lastPickups(day), day);
    }

    /** Every producer in the caller's scope with its last pickup on or before {@code day} and its state (the map). */
    public List<ProducerPoint> producerPoints(LocalDate day, StaffMember me) {
        Map<Long, LocalDate> last = lastPickups(day);
        List<ProducerPoint> out = new ArrayList<>();
        for (Producer p : producers.list(me)) {
            LocalDate l = last.get(p.id());
            CollectionState s =
                    CollectionState.of(p.signedOn(day), l, p.contractFrom(), day, missed.daysFor(p.category()));
            out.add(new ProducerPoint(
                    p.id(), p.name(), p.categoryLabel(), p.districtCode(), p.lat(), p.lon(), l, s, s.label()));
        }
        return out;
    }

    private Map<Long, LocalDate> lastPickups(LocalDate day) {
        Map<Long, LocalDate> last = new HashMap<>();
        // one step down the (producer_id, pickup_day) index per producer, not a grouping of every pickup ever stored
        jdbc.sql("""
                        SELECT p.id, (SELECT MAX(c.pickup_day) FROM wst_collection c
                                      WHERE c.producer_id = p.id AND c.pickup_day <= :d)
                        FROM wst_producer p""").param("d", day).query(rs -> {
            java.sql.Date d = rs.getDate(2);
            if (d != null) {
                last.put(rs.getLong(1), d.toLocalDate());
            }
        });
        return last;
    }

    /** 日产日清率 per district on a day, in the caller's scope. */
    public List<DailyClearance> clearance(LocalDate day, StaffMember me) {
        ScopeFilter scope = Producers.scope(me);
        Set<Long> collected =
                new HashSet<>(jdbc.sql("SELECT DISTINCT producer_id FROM wst_collection WHERE pickup_day = :d")
                        .param("d", day)
                        .query(Long.class)
                        .list());
        Map<String, long[]> counts = new TreeMap<>();
        for (Producer p : producers.signedOn(day).values()) {
            if (!scope.matches(p.districtCode(), null, null)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(p.districtCode() == null ? "" : p.districtCode(), k -> new long[2]);
            c[0]++;
            if (collected.contains(p.id())) {
                c[1]++;
            }
        }
        List<DailyClearance> out = new ArrayList<>();
        counts.forEach((d, c) -> out.add(new DailyClearance(d, c[0], c[1])));
        return out;
    }

    /** The period's figures: Σ net of pickups on the city days [from, to], producers signed on {@code to}. */
    public AnnualFigures figures(LocalDate from, LocalDate to, StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        String where = Producers.scope(me).sql(ScopeColumns.area("district_code"), params);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        var row = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(net_kg), 0) FROM wst_collection "
                        + "WHERE pickup_day >= :from AND pickup_day <= :to AND " + where)
                .params(params)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)})
                .single();
        Map<String, Object> p2 = new HashMap<>();
        String where2 = Producers.scope(me).sql(ScopeColumns.area("district_code"), p2);
        p2.put("to", Date.valueOf(to));
        long signed = jdbc.sql(
                        "SELECT COUNT(*) FROM wst_producer WHERE contract_from <= :to AND contract_to >= :to AND "
                                + where2)
                .params(p2)
                .query(Long.class)
                .single();
        return new AnnualFigures(from, to, signed, (Long) row[0], AnnualFigures.tonnesOf((BigDecimal) row[1]));
    }
}
