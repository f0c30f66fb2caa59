package org.cityops.streetfront.zone;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 门前三包 layer of the street-front map: the caller's zones whose box meets the visible box, each with its
 * 履约 status (the latest inspection of the last {@link HonourBoard#PERIOD_DAYS} days) and its party's standing on
 * the 红黑榜 (city-wide, as {@link HonourBoard}, computed for the parties in view only).
 */
@Service
public class ZoneMap {

    /** Largest answer of one bounding-box query. */
    public static final int BBOX_LIMIT = 2_000;

    /** A box wider or taller than this (degrees, ≈ 22 km) is refused: the layer is for a street or a district. */
    public static final double MAX_SPAN_DEG = 0.2;

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    ZoneMap(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 履约 status of a zone on the map. */
    public enum Status {
        COMPLIANT("履约"),
        NONCOMPLIANT("未履约"),
        UNINSPECTED("近期未巡查");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One zone on the map (staff only: readers of the street front, in their scope). */
    public record MapZone(
            long id,
            String code,
            String name,
            String partyName,
            String partyCreditCode,
            String streetName,
            String districtName,
            String polygon,
            String letterState,
            Status status,
            String statusLabel,
            Instant lastInspectedAt,
            ZoneRules.Rating rating,
            String ratingLabel,
            long partyInspections,
            Double partyComplianceRate) {}

    private record Row(
            long id,
            String code,
            String name,
            String partyName,
            String party,
            String street,
            String district,
            String polygon,
            boolean signed,
            boolean posted) {}

    /** The caller's zones meeting the box (at most {@link #BBOX_LIMIT}, by id); 400 on {@code bbox} when invalid. */
    public List<MapZone> inBox(StaffMember me, double minLon, double minLat, double maxLon, double maxLat) {
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw new InvalidInputException("范围无效 bbox must be minLon,minLat,maxLon,maxLat", "bbox");
        }
        if (maxLon - minLon > MAX_SPAN_DEG || maxLat - minLat > MAX_SPAN_DEG) {
            throw new InvalidInputException("范围过大，请放大地图 bbox too large: zoom in", "bbox");
        }
        Map<String, Object> params = new HashMap<>();
        String where = Zones.scope(me).sql(Zones.COLUMNS, params);
        params.put("minLat", minLat);
        params.put("maxLat", maxLat);
        params.put("minLon", minLon);
        params.put("maxLon", maxLon);
        // a zone spans at most MAX_SPAN_DEG: bounding min_lat and min_lon from below too lets the planner see how few
        // rows the box holds (with one-sided ranges PostgreSQL estimated 6 % of the table and scanned it all)
        params.put("lowLat", minLat - ZoneGeometry.MAX_SPAN_DEG);
        params.put("lowLon", minLon - ZoneGeometry.MAX_SPAN_DEG);
        params.put("limit", BBOX_LIMIT);
        List<Row> rows = jdbc.sql("SELECT id, code, name, party_name, party_credit_code, street_name, district_name, "
                        + "polygon_wkt, signed_at, posted_at FROM sf_zone WHERE min_lat BETWEEN :lowLat AND :maxLat "
                        + "AND max_lat >= :minLat AND min_lon BETWEEN :lowLon AND :maxLon AND max_lon >= :minLon AND "
                        + where
                        + " ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("party_name"),
                        rs.getString("party_credit_code"),
                        rs.getString("street_name"),
                        rs.getString("district_name"),
                        rs.getString("polygon_wkt"),
                        rs.getObject("signed_at") != null,
                        rs.getObject("posted_at") != null))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Instant from = clock.instant().minus(HonourBoard.PERIOD_DAYS, ChronoUnit.DAYS);
        // the latest inspection per zone in the period
        Map<Long, Instant> lastAt = new HashMap<>();
        Map<Long, Boolean> lastOk = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT zone_id, compliant, inspected_at FROM sf_zone_inspection WHERE zone_id IN (:ids) "
                            + "AND inspected_at >= :from")
                    .param("ids", chunk)
                    .param("from", DbTime.toDb(from))
                    .query(rs -> {
                        long z = rs.getLong("zone_id");
                        Instant at = DbTime.fromDb(rs.getObject("inspected_at", java.time.OffsetDateTime.class));
                        Instant prev = lastAt.get(z);
                        if (prev == null || at.isAfter(prev)) {
                            lastAt.put(z, at);
                            lastOk.put(z, rs.getBoolean("compliant"));
                        }
                    });
        }
        // the parties' standing, city-wide (as the public board): zones signed and posted, inspections in the period
        Set<String> parties = new LinkedHashSet<>();
        rows.forEach(r -> parties.add(r.party()));
        Map<String, long[]> tally = new HashMap<>(); // zones, signed and posted, inspections, compliant
        for (List<String> chunk : chunks(new ArrayList<>(parties))) {
            jdbc.sql("SELECT party_credit_code, COUNT(*) n, SUM(CASE WHEN signed_at IS NOT NULL AND posted_at IS NOT "
                            + "NULL THEN 1 ELSE 0 END) sp FROM sf_zone WHERE party_credit_code IN (:p) "
                            + "GROUP BY party_credit_code")
                    .param("p", chunk)
                    .query(rs -> {
                        long[] t = tally.computeIfAbsent(rs.getString("party_credit_code"), k -> new long[4]);
                        t[0] = rs.getLong("n");
                        t[1] = rs.getLong("sp");
                    });
            jdbc.sql(
                            "SELECT z.party_credit_code, COUNT(*) n, SUM(CASE WHEN i.compliant THEN 1 ELSE 0 END) ok "
                                    + "FROM sf_zone_inspection i JOIN sf_zone z ON z.id = i.zone_id "
                                    + "WHERE z.party_credit_code IN (:p) AND i.inspected_at >= :from GROUP BY z.party_credit_code")
                    .param("p", chunk)
                    .param("from", DbTime.toDb(from))
                    .query(rs -> {
                        long[] t = tally.computeIfAbsent(rs.getString("party_credit_code"), k -> new long[4]);
                        t[2] = rs.getLong("n");
                        t[3] = rs.getLong("ok");
                    });
        }
        List<MapZone> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Boolean ok = lastOk.get(r.id());
            Status s = ok == null ? Status.UNINSPECTED : ok ? Status.COMPLIANT : Status.NONCOMPLIANT;
            long[] t = tally.getOrDefault(r.party(), new long[4]);
            ZoneRules.Rating rating = ZoneRules.rating(t[2], t[3], t[1] == t[0]);
            out.add(new MapZone(
                    r.id(),
                    r.code(),
                    r.name(),
                    r.partyName(),
                    r.party(),
                    r.street(),
                    r.district(),
                    r.polygon(),
                    r.posted() ? "POSTED" : r.signed() ? "SIGNED" : "UNSIGNED",
                    s,
                    s.label(),
                    lastAt.get(r.id()),
                    rating,
                    rating.label(),
                    t[2],
                    ZoneRules.percent(t[3], t[2])));
        }
        return out;
    }

    /** {@code minLon,minLat,maxLon,maxLat} as four numbers; else 400 on {@code bbox}. */
    public static double[] parseBox(String bbox) {
        String[] p = bbox == null ? new String[0] : bbox.split(",");
        if (p.length != 4) {
            throw new InvalidInputException("范围须为 minLon,minLat,maxLon,maxLat bbox needs four numbers", "bbox");
        }
        double[] out = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                out[i] = Double.parseDouble(p[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("范围须为数字 bbox needs four numbers", "bbox");
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("范围须为数字 bbox needs four numbers", "bbox");
            }
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
