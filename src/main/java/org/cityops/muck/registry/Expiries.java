package org.cityops.muck.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cityops.muck.registry.RegistryModel.Expiring;
import org.cityops.muck.registry.RegistryModel.ExpiringList;
import org.cityops.muck.registry.RegistryModel.ExpiryKind;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 即将到期 (expiring soon): company qualifications (资质有效期), permits (核准有效期止) and driving licences
 * (驾驶证有效期至) whose last valid day is within {@code days} days from today (city time) or already past. Only
 * records still in force are listed (company, permit and driver ACTIVE; a suspended or revoked one needs no
 * renewal). Scoped like the registry lists: companies by their district, permits by their site's, drivers by their
 * company's (a driver without a company: city-wide users only).
 */
@Service
public class Expiries {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final Clock clock;

    Expiries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    @Transactional(readOnly = true)
    public ExpiringList within(StaffMember me, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("天数应为 1-" + MAX_DAYS + " days must be 1-" + MAX_DAYS, "days");
        }
        LocalDate today = today();
        LocalDate until = today.plusDays(days);
        MuckScope scope = MuckScope.of(me);
        String prefix = scope.prefix();
        String like = scope.like();
        Date last = Date.valueOf(until);
        List<Expiring> items = new ArrayList<>();
        items.addAll(jdbc.sql("""
                SELECT c.id, c.name, c.license_no AS number, c.id AS company_id, c.name AS company_name,
                  c.qualification_until AS until_date
                FROM muck_company c
                WHERE c.qualification_until IS NOT NULL AND c.qualification_until <= :until AND c.status = 'ACTIVE'
                  AND (:scope = '' OR c.district_code LIKE :like)""")
                .param("until", last)
                .param("scope", prefix)
                .param("like", like)
                .query((rs, n) -> row(rs, ExpiryKind.COMPANY_QUALIFICATION, today))
                .list());
        items.addAll(jdbc.sql("""
                SELECT p.id, s.name, p.permit_no AS number, p.company_id, c.name AS company_name,
                  p.valid_to AS until_date
                FROM muck_permit p JOIN muck_site s ON s.id = p.site_id LEFT JOIN muck_company c ON c.id = p.company_id
                WHERE p.valid_to <= :until AND p.status = 'ACTIVE'
                  AND (:scope = '' OR s.district_code LIKE :like)""")
                .param("until", last)
                .param("scope", prefix)
                .param("like", like)
                .query((rs, n) -> row(rs, ExpiryKind.PERMIT, today))
                .list());
        items.addAll(jdbc.sql("""
                SELECT d.id, d.name, d.license_no AS number, d.company_id, c.name AS company_name,
                  d.license_until AS until_date
                FROM muck_driver d LEFT JOIN muck_company c ON c.id = d.company_id
                WHERE d.license_until IS NOT NULL AND d.license_until <= :until AND d.status = 'ACTIVE'
                  AND (:scope = '' OR c.district_code LIKE :like)""")
                .param("until", last)
                .param("scope", prefix)
                .param("like", like)
                .query((rs, n) -> row(rs, ExpiryKind.DRIVER_LICENSE, today))
                .list());
        items.sort(Comparator.comparing(Expiring::date)
                .thenComparing(Expiring::kind)
                .thenComparing(e -> e.name() == null ? "" : e.name())
                .thenComparingLong(Expiring::id));
        return new ExpiringList(today, days, until, List.copyOf(items));
    }

    private static Expiring row(ResultSet rs, ExpiryKind kind, LocalDate today) throws SQLException {
        LocalDate date = ScopedQueries.localDate(rs, "until_date");
        long left = ChronoUnit.DAYS.between(today, date);
        return new Expiring(
                kind,
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("number"),
                ScopedQueries.nullableLong(rs, "company_id"),
                rs.getString("company_name"),
                date,
                left,
                left < 0);
    }
}
