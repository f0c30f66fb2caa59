package org.cityops.streetfront.zone;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 签约率, 上墙率 and 履约率 of a month per street, district and the city, over the caller's zones (data scope:
 * {@link Zones#scope}). Defined in docs/streetfront.md: 签约率 = zones with a signed 责任书 at the period's end ÷
 * zones at the period's end; 上墙率 = zones whose letter was posted ÷ zones with a signed letter; 履约率 = 履约
 * inspections in the month ÷ inspections in the month. The period ends at the month's end or now, whichever is
 * earlier.
 */
@Service
public class ZoneRates {

    private static final String STREET_SCOPE = "z.";

    private final JdbcClient jdbc;
    private final Clock clock;

    ZoneRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The counts and rates of one area. */
    public record AreaRate(
            String level,
            String code,
            String name,
            long zones,
            long signed,
            long posted,
            long inspections,
            long compliant) {

        @JsonProperty("signingRate")
        public Double signingRate() {
            return ZoneRules.percent(signed, zones);
        }

        @JsonProperty("postingRate")
        public Double postingRate() {
            return ZoneRules.percent(posted, signed);
        }

        @JsonProperty("complianceRate")
        public Double complianceRate() {
            return ZoneRules.percent(compliant, inspections);
        }

        AreaRate plus(AreaRate o) {
            return new AreaRate(
                    level,
                    code,
                    name,
                    zones + o.zones,
                    signed + o.signed,
                    posted + o.posted,
                    inspections + o.inspections,
                    compliant + o.compliant);
        }
    }

    public record Report(
            YearMonth month,
            Instant from,
            Instant to,
            AreaRate city,
            List<AreaRate> districts,
            List<AreaRate> streets) {}

    /** The rates of a month ({@code yyyy-MM}; null = this month). */
    public Report of(String month, StaffMember me) {
        YearMonth m;
        try {
            m = month == null || month.isBlank()
                    ? YearMonth.now(clock.withZone(CityClock.ZONE))
                    : YearMonth.parse(month.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("月份格式为yyyy-MM month must be yyyy-MM", "month");
        }
        Instant from = m.atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant end = m.plusMonths(1).atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant now = clock.instant();
        Instant to = end.isAfter(now) ? now.plusMillis(1) : end;
        if (!from.isBefore(to)) {
            throw new InvalidInputException("不能统计未来的月份 the month has not begun", "month");
        }
        Map<String, Object> params = new HashMap<>();
        String where = Zones.scope(me)
                .sql(
                        new org.cityops.org.ScopeColumns(
                                STREET_SCOPE + "grid_code",
                                STREET_SCOPE + "district_code",
                                STREET_SCOPE + "street_code",
                                null,
                                null),
                        params);
        params.put("to", DbTime.toDb(to));
        params.put("from", DbTime.toDb(from));
        Map<String, AreaRate> streets = new LinkedHashMap<>();
        Map<String, String[]> placeOf = new HashMap<>();
        jdbc.sql("SELECT z.district_code, MIN(z.district_name) dn, z.street_code, MIN(z.street_name) sn, COUNT(*) n, "
                        + "SUM(CASE WHEN z.signed_at < :to THEN 1 ELSE 0 END) s, "
                        + "SUM(CASE WHEN z.signed_at < :to AND z.posted_at < :to THEN 1 ELSE 0 END) p "
                        + "FROM sf_zone z WHERE z.created_at < :to AND " + where
                        + " GROUP BY z.district_code, z.street_code")
                .params(params)
                .query(rs -> {
                    String street = rs.getString("street_code");
                    placeOf.put(street, new String[] {rs.getString("district_code"), rs.getString("dn")});
                    streets.put(
                            street,
                            new AreaRate(
                                    "STREET",
                                    street,
                                    rs.getString("sn"),
                                    rs.getLong("n"),
                                    rs.getLong("s"),
                                    rs.getLong("p"),
                                    0,
                                    0));
                });
        jdbc.sql("SELECT z.district_code, MIN(z.district_name) dn, z.street_code, MIN(z.street_name) sn, COUNT(*) n, "
                        + "SUM(CASE WHEN i.compliant THEN 1 ELSE 0 END) ok FROM sf_zone_inspection i "
                        + "JOIN sf_zone z ON z.id = i.zone_id WHERE i.inspected_at >= :from AND i.inspected_at < :to "
                        + "AND " + where + " GROUP BY z.district_code, z.street_code")
                .params(params)
                .query(rs -> {
                    String street = rs.getString("street_code");
                    placeOf.putIfAbsent(street, new String[] {rs.getString("district_code"), rs.getString("dn")});
                    AreaRate add = new AreaRate(
                            "STREET", street, rs.getString("sn"), 0, 0, 0, rs.getLong("n"), rs.getLong("ok"));
                    streets.merge(street, add, AreaRate::plus);
                });
        Map<String, AreaRate> districts = new LinkedHashMap<>();
        AreaRate city = new AreaRate("CITY", null, null, 0, 0, 0, 0, 0);
        for (Map.Entry<String, AreaRate> e : streets.entrySet()) {
            String[] place = placeOf.get(e.getKey());
            AreaRate s = e.getValue();
            AreaRate asDistrict = new AreaRate(
                    "DISTRICT", place[0], place[1], s.zones(), s.signed(), s.posted(), s.inspections(), s.compliant());
            districts.merge(place[0] == null ? "" : place[0], asDistrict, AreaRate::plus);
            city = city.plus(s);
        }
        List<AreaRate> d = new ArrayList<>(districts.values());
        d.sort(Comparator.comparing(a -> a.code() == null ? "" : a.code()));
        List<AreaRate> s = new ArrayList<>(streets.values());
        s.sort(Comparator.comparing(a -> a.code() == null ? "" : a.code()));
        return new Report(m, from, to, city, d, s);
    }
}
