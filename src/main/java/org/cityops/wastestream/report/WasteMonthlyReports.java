package org.cityops.wastestream.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cityops.org.DataScope;
import org.cityops.org.OrgDirectory;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
import org.cityops.wastestream.balance.AnnualFigures;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.Trip;
import org.cityops.wastestream.balance.TripDetails;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.Producers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the month's {@link MonthlyWasteReport} from the records, in the caller's data scope: one grouped read of
 * the month's pickups by district, one count per producer of its collected days under contract for 日产日清, the
 * month's trips summed in the database through the trip rules ({@link TripDetails#month}), 漏收 on the month's last
 * day.
 */
@Service
public class WasteMonthlyReports {

    /** Flagged trips listed in the report, the largest |deviation| first. */
    static final int FLAGGED_LISTED = 20;

    private final JdbcClient jdbc;
    private final Producers producers;
    private final Balances balances;
    private final TripDetails trips;
    private final OrgDirectory org;

    WasteMonthlyReports(JdbcClient jdbc, Producers producers, Balances balances, TripDetails trips, OrgDirectory org) {
        this.jdbc = jdbc;
        this.producers = producers;
        this.balances = balances;
        this.trips = trips;
        this.org = org;
    }

    public MonthlyWasteReport month(YearMonth month, StaffMember me) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<String, Object> params = new HashMap<>();
        String where = Producers.scope(me).sql(ScopeColumns.area("district_code"), params);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        Map<String, Object[]> byDistrict = new TreeMap<>();
        long[] flags = new long[2];
        jdbc.sql("""
                        SELECT district_code, COUNT(*), COALESCE(SUM(net_kg), 0),
                               SUM(CASE WHEN estimated THEN 1 ELSE 0 END), SUM(CASE WHEN far_flag THEN 1 ELSE 0 END)
                        FROM wst_collection WHERE pickup_day >= :from AND pickup_day <= :to AND """ + " " + where + " GROUP BY district_code").params(params).query(rs -> {
            String d = rs.getString(1) == null ? "" : rs.getString(1);
            byDistrict.put(d, new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
            flags[0] += rs.getLong(4);
            flags[1] += rs.getLong(5);
        });
        // 日产日清: per producer, the month's days it was collected on while its contract was in force (counted in
        // the database: a month of 1 M pickups is ~100,000 (producer, day) pairs, not read into memory)
        Map<Long, Long> cleared = new HashMap<>();
        jdbc.sql("""
                        SELECT c.producer_id, COUNT(DISTINCT c.pickup_day)
                        FROM wst_collection c JOIN wst_producer p ON p.id = c.producer_id
                        WHERE c.pickup_day >= :from AND c.pickup_day <= :to
                          AND c.pickup_day >= p.contract_from AND c.pickup_day <= p.contract_to
                        GROUP BY c.producer_id""")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(rs -> {
                    cleared.put(rs.getLong(1), rs.getLong(2));
                });
        Map<String, long[]> producerDays = new TreeMap<>();
        long signedAtEnd = 0;
        for (Producer p : producers.list(me)) {
            String d = p.districtCode() == null ? "" : p.districtCode();
            long[] c = producerDays.computeIfAbsent(d, k -> new long[3]);
            if (p.signedOn(to)) {
                c[2]++;
                signedAtEnd++;
            }
            for (int i = 0; i < month.lengthOfMonth(); i++) {
                if (p.signedOn(from.plusDays(i))) {
                    c[0]++;
                }
            }
            c[1] += cleared.getOrDefault(p.id(), 0L);
        }
        Set<String> codes = new java.util.TreeSet<>(byDistrict.keySet());
        codes.addAll(producerDays.keySet());
        List<MonthlyWasteReport.DistrictMonth> districts = new ArrayList<>();
        BigDecimal kg = BigDecimal.ZERO;
        long pickups = 0;
        for (String d : codes) {
            Object[] a = byDistrict.getOrDefault(d, new Object[] {0L, BigDecimal.ZERO});
            long[] c = producerDays.getOrDefault(d, new long[3]);
            districts.add(new MonthlyWasteReport.DistrictMonth(
                    d,
                    d.isEmpty() ? "未定位" : org.nameOf(d),
                    c[2],
                    (Long) a[0],
                    AnnualFigures.tonnesOf((BigDecimal) a[1]),
                    c[0],
                    c[1]));
            pickups += (Long) a[0];
            kg = kg.add((BigDecimal) a[1]);
        }
        long[] status = new long[4];
        List<Trip> flagged = new ArrayList<>();
        for (Trip t : trips.month(month, me)) {
            switch (t.status()) {
                case BALANCED -> status[0]++;
                case SHORT -> status[1]++;
                case EXCESS -> status[2]++;
                case OPEN -> status[3]++;
            }
            if (t.status().flagged()) {
                flagged.add(t);
            }
        }
        flagged.sort(Comparator.comparing((Trip t) -> -Math.abs(t.deviation())));
        long missed = balances.missed(to, me).size();
        return new MonthlyWasteReport(
                month,
                areaName(me),
                signedAtEnd,
                pickups,
                flags[0],
                flags[1],
                AnnualFigures.tonnesOf(kg),
                districts,
                status[0],
                status[1],
                status[2],
                status[3],
                flagged.subList(0, Math.min(FLAGGED_LISTED, flagged.size())),
                missed);
    }

    private String areaName(StaffMember me) {
        if (me.scope() == DataScope.CITY
                || me.orgUnitCode() == null
                || me.orgUnitCode().isBlank()) {
            return "全市";
        }
        return org.nameOf(me.orgUnitCode());
    }
}
