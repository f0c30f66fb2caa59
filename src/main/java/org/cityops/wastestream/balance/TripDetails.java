package org.cityops.wastestream.balance;

import java.math.BigDecimal;
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
    private final boolean postgres;

    TripDetails(
            JdbcClient jdbc,
            WasteFleet fleet,
            javax.sql.DataSource dataSource,
            @Value("${cityops.wastestream.balance-tolerance:0.10}") double tolerance) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.rules = new TripRules(tolerance);
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(javax.sql.DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (java.sql.SQLException e) {
            return false;
        }
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
     * A plate as {@link WasteVehicle#normalizePlate} writes it (no whitespace, no middle dot or full stop, upper case),
     * in SQL that H2 and PostgreSQL both read: the weighbridge stores receipts under the normalized plate, the fleet
     * under the plate as registered.
     */
    static final String NORMALIZED_PLATE = "UPPER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("
            + "REPLACE(plate, ' ', ''), CHR(9), ''), CHR(10), ''), CHR(11), ''), CHR(12), ''), CHR(13), ''),"
            + " '·', ''), '•', ''), '.', ''))";

    /** The receipts of the window, each with the weigh-in before it of the same plate (or {@code :below}). */
    private static final String RECEIPTS = """
            WITH r AS (
              SELECT v.id AS vehicle_id, w.receipt_no, w.plate, w.in_at, w.out_at, w.gross_kg, w.tare_kg, w.net_kg,
                     COALESCE(LAG(w.in_at) OVER (PARTITION BY w.plate ORDER BY w.in_at), :below) AS after_at
              FROM wst_weighbridge w
                JOIN (SELECT id, PLATE_SQL AS plate FROM wst_vehicle) v ON v.plate = w.plate
              WHERE w.in_at >= :from AND w.in_at < :to)
            """.replace("PLATE_SQL", NORMALIZED_PLATE);

    /**
     * Each receipt of the month with its trip's pickups summed. PostgreSQL: one aggregate per receipt over the
     * {@code (vehicle_id, collected_at, net_kg)} index (LATERAL: half the time of grouping the joined rows at 1 M
     * pickups, docs/benchmarks.md); H2, which has no LATERAL, groups the joined rows. Same rows either way.
     */
    private String closedTripsSql() {
        String select =
                "SELECT r.vehicle_id, r.receipt_no, r.plate, r.in_at, r.out_at, r.gross_kg, r.tare_kg, r.net_kg, ";
        if (postgres) {
            return RECEIPTS + select + """
                    s.n, s.kg, s.first_at, s.last_at
                    FROM r CROSS JOIN LATERAL (
                      SELECT COUNT(c.net_kg) AS n, SUM(c.net_kg) AS kg, MIN(c.collected_at) AS first_at,
                             MAX(c.collected_at) AS last_at
                      FROM wst_collection c
                      WHERE c.vehicle_id = r.vehicle_id AND c.collected_at > r.after_at AND c.collected_at <= r.in_at) s
                    WHERE r.in_at >= :start""";
        }
        return RECEIPTS + select + """
                COUNT(c.net_kg), SUM(c.net_kg), MIN(c.collected_at), MAX(c.collected_at)
                FROM r LEFT JOIN wst_collection c ON c.vehicle_id = r.vehicle_id
                     AND c.collected_at > r.after_at AND c.collected_at <= r.in_at
                WHERE r.in_at >= :start
                GROUP BY r.vehicle_id, r.receipt_no, r.plate, r.in_at, r.out_at, r.gross_kg, r.tare_kg, r.net_kg""";
    }

    /**
     * The trips weighed in a month (city days), plus each vehicle's open trip at the month's end; vehicles in the
     * caller's scope. The pickups are summed per trip in the database (issue 17: a month of 1 M pickups is not read
     * into memory): one query groups each receipt's pickups — those after the vehicle's previous weigh-in (or, for
     * its first receipt of the window, from the day before the month) and at or before its own — through the
     * {@code (vehicle_id, collected_at)} index; a second sums each vehicle's pickups after its last weigh-in (the open
     * trip). The balance itself is {@link TripRules}', as for the day's list.
     */
    public List<Trip> month(YearMonth month, StaffMember me) {
        Instant start = month.atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant lookback = start.minusSeconds(86_400);
        ScopeFilter scope = Producers.scope(me);
        Map<Long, String> plates = new HashMap<>();
        for (WasteVehicle v : fleet.byPlate().values()) {
            if (scope.matches(v.districtCode(), null, null)) {
                plates.put(v.id(), WasteVehicle.normalizePlate(v.plate()));
            }
        }
        List<Trip> out = new ArrayList<>();
        jdbc.sql(closedTripsSql())
                .param("below", DbTime.toDb(lookback.minusNanos(1000)))
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .param("start", DbTime.toDb(start))
                .query(rs -> {
                    String plate = plates.get(rs.getLong(1));
                    if (plate != null) {
                        out.add(rules.closed(
                                plate,
                                rs.getInt(9),
                                sumOf(rs.getBigDecimal(10)),
                                instant(rs, 11),
                                instant(rs, 12),
                                receipt(rs)));
                    }
                });
        jdbc.sql("""
                        SELECT c.vehicle_id, COUNT(*), SUM(c.net_kg), MIN(c.collected_at), MAX(c.collected_at)
                        FROM (SELECT v.id, MAX(w.in_at) AS last_in
                              FROM (SELECT id, PLATE_SQL AS plate FROM wst_vehicle) v
                                LEFT JOIN wst_weighbridge w ON w.plate = v.plate AND w.in_at >= :from AND w.in_at < :to
                              GROUP BY v.id) l
                          JOIN wst_collection c ON c.vehicle_id = l.id
                        WHERE c.collected_at >= :start AND c.collected_at < :to
                          AND c.collected_at > COALESCE(l.last_in, :below)
                        GROUP BY c.vehicle_id""".replace("PLATE_SQL", NORMALIZED_PLATE))
                .param("below", DbTime.toDb(lookback.minusNanos(1000)))
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .param("start", DbTime.toDb(start))
                .query(rs -> {
                    String plate = plates.get(rs.getLong(1));
                    if (plate != null) {
                        out.add(rules.open(
                                plate, rs.getInt(2), sumOf(rs.getBigDecimal(3)), instant(rs, 4), instant(rs, 5)));
                    }
                });
        out.sort(Comparator.comparing(Trip::plate)
                .thenComparing(t -> t.weighedAt() == null ? Instant.MAX : t.weighedAt()));
        return out;
    }

    private static BigDecimal sumOf(BigDecimal kg) {
        return kg == null ? BigDecimal.ZERO : kg;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : DbTime.fromDb(t);
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
