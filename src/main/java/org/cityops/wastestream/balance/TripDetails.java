package org.cityops.wastestream.balance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.ScopeFilter;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.NotFoundException;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.collection.WasteVehicle;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One trip's detail (its receipt, its pickups, the gap) and a month's trips, for the supervisor's trip pages, the
 * .xlsx export and the monthly report. The same {@link TripRules} as the day's list; in the caller's data scope by
 * the vehicle's district.
 */
@Service
public class TripDetails {

    private final JdbcClient jdbc;
    private final WasteFleet fleet;
    private final TripRules rules;

    TripDetails(
            JdbcClient jdbc,
            WasteFleet fleet,
            @Value("${cityops.wastestream.balance-tolerance:0.10}") double tolerance) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.rules = new TripRules(tolerance);
    }

    /**
     * The trip a weighbridge receipt closes: the vehicle's pickups after its previous weigh-in (or, with none, from
     * the start of the day before the receipt's day, as the day's list reads) and at or before this weigh-in.
     */
    public TripDetail detail(String receiptNo, StaffMember me) {
        WeighbridgeReceipt r = jdbc.sql("SELECT * FROM wst_weighbridge WHERE receipt_no = :no")
                .param("no", receiptNo)
                .query((rs, n) -> receipt(rs))
                .optional()
                .orElseThrow(TripDetails::notFound);
        WasteVehicle v = fleet.byPlate().get(r.plate());
        if (v == null || !Producers.scope(me).matches(v.districtCode(), null, null)) {
            throw notFound();
        }
        Instant previous = jdbc.sql("SELECT MAX(in_at) FROM wst_weighbridge WHERE plate = :p AND in_at < :in")
                .param("p", r.plate())
                .param("in", DbTime.toDb(r.inAt()))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(DbTime::fromDb)
                .orElse(null);
        Instant from = previous != null
                ? previous
                : r.inAt()
                        .atZone(CityClock.ZONE)
                        .toLocalDate()
                        .minusDays(1)
                        .atStartOfDay(CityClock.ZONE)
                        .toInstant()
                        .minusNanos(1000);
        List<TripPickup> pickups = jdbc.sql("""
                        SELECT c.device_record_id, c.producer_id, p.name, c.collected_at, c.net_kg, c.estimated,
                               c.far_flag, c.distance_m, c.photo_url, c.route_flag
                        FROM wst_collection c JOIN wst_producer p ON p.id = c.producer_id
                        WHERE c.vehicle_id = :v AND c.collected_at > :from AND c.collected_at <= :to
                        ORDER BY c.collected_at, c.id""")
                .param("v", v.id())
                .param("from", DbTime.toDb(from))
                .param("to", DbTime.toDb(r.inAt()))
                .query((rs, n) -> new TripPickup(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        DbTime.fromDb(rs.getObject(4, OffsetDateTime.class)),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        (Double) rs.getObject(8, Double.class),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
        List<Pickup> forRules = pickups.stream()
                .map(p -> new Pickup(0, r.plate(), p.collectedAt(), p.netKg(), p.producerId(), p.far()))
                .toList();
        return new TripDetail(rules.closed(r.plate(), forRules, r), r, v.districtCode(), pickups);
    }

    /**
     * The trips weighed in a month (city days), plus each vehicle's open trip at the month's end; vehicles in the
     * caller's scope. One read of the month's pickups (and the day before it) and receipts.
     */
    public List<Trip> month(YearMonth month, StaffMember me) {
        Instant start = month.atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant lookback = start.minusSeconds(86_400);
        ScopeFilter scope = Producers.scope(me);
        Map<Long, String> plates = new HashMap<>();
        Map<String, WasteVehicle> vehicles = new HashMap<>();
        for (WasteVehicle v : fleet.byPlate().values()) {
            if (scope.matches(v.districtCode(), null, null)) {
                String plate = WasteVehicle.normalizePlate(v.plate());
                plates.put(v.id(), plate);
                vehicles.put(plate, v);
            }
        }
        Map<String, List<Pickup>> pickups = new HashMap<>();
        jdbc.sql("""
                SELECT c.vehicle_id, c.collected_at, c.net_kg FROM wst_collection c
                WHERE c.collected_at >= :from AND c.collected_at < :to""")
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query(rs -> {
                    String plate = plates.get(rs.getLong(1));
                    if (plate != null) {
                        pickups.computeIfAbsent(plate, k -> new ArrayList<>())
                                .add(new Pickup(
                                        0,
                                        plate,
                                        DbTime.fromDb(rs.getObject(2, OffsetDateTime.class)),
                                        rs.getBigDecimal(3),
                                        0,
                                        false));
                    }
                });
        Map<String, List<WeighbridgeReceipt>> receipts = new HashMap<>();
        jdbc.sql("SELECT * FROM wst_weighbridge WHERE in_at >= :from AND in_at < :to")
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query((rs, n) -> receipt(rs))
                .list()
                .forEach(r -> receipts.computeIfAbsent(r.plate(), k -> new ArrayList<>())
                        .add(r));
        List<Trip> out = new ArrayList<>();
        for (String plate : vehicles.keySet()) {
            out.addAll(rules.trips(
                    plate, pickups.getOrDefault(plate, List.of()), receipts.getOrDefault(plate, List.of()), start));
        }
        out.sort(Comparator.comparing(Trip::plate)
                .thenComparing(t -> t.weighedAt() == null ? Instant.MAX : t.weighedAt()));
        return out;
    }

    static WeighbridgeReceipt receipt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WeighbridgeReceipt(
                rs.getString("receipt_no"),
                rs.getString("plate"),
                DbTime.fromDb(rs.getObject("in_at", OffsetDateTime.class)),
                DbTime.fromDb(rs.getObject("out_at", OffsetDateTime.class)),
                rs.getBigDecimal("gross_kg"),
                rs.getBigDecimal("tare_kg"),
                rs.getBigDecimal("net_kg"));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("没有该磅单的趟次 no trip for that receipt");
    }
}
