package org.cityops.streetfront.zone;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 门前三包 红黑榜 of responsible parties over the last {@link #PERIOD_DAYS} days, city-wide, rated by
 * {@link ZoneRules#rating}. What it gives is public by design: the party's name, the street(s) of its zones, the
 * rating and its 履约率 — never a phone, a contact, a credit code or a note.
 */
@Service
public class HonourBoard {

    public static final int PERIOD_DAYS = 90;

    private final JdbcClient jdbc;
    private final Clock clock;

    HonourBoard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One party on the board (what a citizen may see). */
    public record Entry(
            String partyName,
            String streets,
            String district,
            ZoneRules.Rating rating,
            String ratingLabel,
            long inspections,
            Double complianceRate) {}

    public record Board(Instant from, Instant to, List<Entry> red, List<Entry> black) {}

    private static final class Tally {
        String name;
        String district;
        final TreeSet<String> streets = new TreeSet<>();
        long zones;
        long signedAndPosted;
        long inspections;
        long compliant;
    }

    public Board board() {
        Instant to = clock.instant();
        Instant from = to.minus(PERIOD_DAYS, ChronoUnit.DAYS);
        Map<String, Tally> parties = new HashMap<>();
        jdbc.sql("SELECT party_credit_code, party_name, street_name, district_name, signed_at, posted_at FROM sf_zone")
                .query(rs -> {
                    Tally t = parties.computeIfAbsent(rs.getString("party_credit_code"), k -> new Tally());
                    if (t.name == null) {
                        t.name = rs.getString("party_name");
                        t.district = rs.getString("district_name");
                    }
                    if (rs.getString("street_name") != null) {
                        t.streets.add(rs.getString("street_name"));
                    }
                    t.zones++;
                    if (rs.getObject("signed_at") != null && rs.getObject("posted_at") != null) {
                        t.signedAndPosted++;
                    }
                });
        jdbc.sql("SELECT z.party_credit_code, COUNT(*) n, SUM(CASE WHEN i.compliant THEN 1 ELSE 0 END) ok "
                        + "FROM sf_zone_inspection i JOIN sf_zone z ON z.id = i.zone_id "
                        + "WHERE i.inspected_at >= :from GROUP BY z.party_credit_code")
                .param("from", DbTime.toDb(from))
                .query(rs -> {
                    Tally t = parties.get(rs.getString("party_credit_code"));
                    if (t != null) {
                        t.inspections = rs.getLong("n");
                        t.compliant = rs.getLong("ok");
                    }
                });
        List<Entry> red = new ArrayList<>();
        List<Entry> black = new ArrayList<>();
        for (Tally t : parties.values()) {
            ZoneRules.Rating r = ZoneRules.rating(t.inspections, t.compliant, t.signedAndPosted == t.zones);
            if (r == ZoneRules.Rating.NONE) {
                continue;
            }
            Entry e = new Entry(
                    t.name,
                    String.join("、", t.streets),
                    t.district,
                    r,
                    r.label(),
                    t.inspections,
                    ZoneRules.percent(t.compliant, t.inspections));
            (r == ZoneRules.Rating.RED ? red : black).add(e);
        }
        red.sort(Comparator.comparing(Entry::inspections).reversed().thenComparing(Entry::partyName));
        black.sort(Comparator.comparingDouble((Entry e) -> e.complianceRate() == null ? 0.0 : e.complianceRate())
                .thenComparing(Entry::partyName));
        return new Board(from, to, red, black);
    }
}
