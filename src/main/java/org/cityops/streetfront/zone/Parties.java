package org.cityops.streetfront.zone;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.ScopeColumns;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.streetfront.signs.Facilities;
import org.cityops.streetfront.signs.Facility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One responsible party (shop or unit) seen whole, by its 统一社会信用代码: its signs (一牌一档), its 门前三包 zones and
 * the cases opened from either — all in the caller's data scope.
 */
@Service
public class Parties {

    private final JdbcClient jdbc;
    private final Zones zones;
    private final Facilities facilities;

    Parties(JdbcClient jdbc, Zones zones, Facilities facilities) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.facilities = facilities;
    }

    /** A case opened from a sign's or a zone's inspection. */
    public record PartyCase(String source, String subject, Instant at, String caseNumber, String failure) {}

    public record Party(
            String creditCode, String name, List<Zone> zones, List<Facility> facilities, List<PartyCase> cases) {}

    public Party of(String creditCode, StaffMember me) {
        String problem = CreditCode.problem(creditCode);
        if (problem != null) {
            throw new InvalidInputException(problem, "creditCode");
        }
        String code = CreditCode.normalize(creditCode);
        List<Zone> z = zones.list(me, code, null, null);
        List<Facility> f = facilities.list(me, code);
        if (z.isEmpty() && f.isEmpty()) {
            throw new NotFoundException("没有该责任人的责任区或设施 no zone or facility of this party");
        }
        String name = !z.isEmpty() ? z.get(0).partyName() : f.get(0).ownerName();
        List<PartyCase> cases = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        String zoneScope = Zones.scope(me)
                .sql(new ScopeColumns("z.grid_code", "z.district_code", "z.street_code", null, null), params);
        params.put("code", code);
        jdbc.sql("SELECT z.code, z.name, i.inspected_at, i.case_number, i.case_failure FROM sf_zone_inspection i "
                        + "JOIN sf_zone z ON z.id = i.zone_id WHERE z.party_credit_code = :code AND i.case_requested "
                        + "AND " + zoneScope)
                .params(params)
                .query(rs -> {
                    cases.add(new PartyCase(
                            "ZONE",
                            rs.getString("code") + " " + rs.getString("name"),
                            DbTime.fromDb(rs.getObject("inspected_at", OffsetDateTime.class)),
                            rs.getString("case_number"),
                            rs.getString("case_failure")));
                });
        Map<String, Object> p2 = new HashMap<>();
        String signScope = Zones.scope(me)
                .sql(new ScopeColumns("f.grid_code", "f.district_code", "f.street_code", null, null), p2);
        p2.put("code", code);
        jdbc.sql("SELECT f.code, f.name, i.inspected_at, i.case_number, i.case_failure FROM sf_inspection i "
                        + "JOIN sf_facility f ON f.id = i.facility_id WHERE f.owner_credit_code = :code "
                        + "AND i.result = 'FINDING' AND " + signScope)
                .params(p2)
                .query(rs -> {
                    cases.add(new PartyCase(
                            "SIGN",
                            rs.getString("code") + " " + rs.getString("name"),
                            DbTime.fromDb(rs.getObject("inspected_at", OffsetDateTime.class)),
                            rs.getString("case_number"),
                            rs.getString("case_failure")));
                });
        cases.sort(Comparator.comparing(PartyCase::at).reversed());
        return new Party(code, name, z, f, cases);
    }
}
