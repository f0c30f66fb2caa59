package org.cityops.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.rectification.IndicatorSource;
import org.cityops.rectification.IndicatorValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rectification evidence from the case register (e.g. 违法建设案件办结情况): the cases of some categories reported
 * in an area and period, how many of them are closed and how many still open — "受理16起,办结14起,在办2起".
 * Parameters: {@code category} (one or more qualified codes or code prefixes, comma separated, e.g.
 * {@code E06001,E08016} or {@code E08}), {@code from} and {@code to} (dates, inclusive, city time),
 * optional {@code area} (a district, street, community or grid code; absent = the whole city). Cases voided
 * (作废) or merged into another are not counted. A city-wide count, not limited to the viewer's data scope:
 * it is shown on the ledger to the rectification office and leaders.
 */
@Component
class CaseCountIndicator implements IndicatorSource {

    static final String KEY = "cases.count-by-category";

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCountIndicator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String label() {
        return "案件受理与办结 cases received and closed";
    }

    @Override
    public List<String> parameters() {
        return List.of("category", "area", "from", "to");
    }

    @Override
    public IndicatorValue current(Map<String, String> p) {
        List<String> categories = categories(p.get("category"));
        LocalDate from = date(p, "from");
        LocalDate to = date(p, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        String area = p.get("area") == null || p.get("area").isBlank()
                ? null
                : p.get("area").strip();
        StringBuilder sql = new StringBuilder("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN status IN ('CLOSED', 'VISITED') THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN is_open THEN 1 ELSE 0 END), 0)
                FROM city_case WHERE created_at >= :from AND created_at < :to
                  AND status NOT IN ('REJECTED', 'MERGED') AND (""");
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            likes.add("category_code LIKE :c" + i);
        }
        sql.append(String.join(" OR ", likes)).append(')');
        if (area != null) {
            sql.append(" AND (district_code = :a OR street_code = :a OR community_code = :a OR grid_code = :a)");
        }
        JdbcClient.StatementSpec q = jdbc.sql(sql.toString())
                .param("from", DbTime.toDb(from.atStartOfDay(CityClock.ZONE).toInstant()))
                .param(
                        "to",
                        DbTime.toDb(to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant()));
        for (int i = 0; i < categories.size(); i++) {
            q = q.param("c" + i, categories.get(i) + "%");
        }
        if (area != null) {
            q = q.param("a", area);
        }
        long[] n = q.query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        return new IndicatorValue(n[1], "受理" + n[0] + "起,办结" + n[1] + "起,在办" + n[2] + "起", clock.instant());
    }

    private static List<String> categories(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("category missing");
        }
        List<String> codes = Arrays.stream(value.split("[,，]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (codes.isEmpty() || codes.size() > 20 || codes.stream().anyMatch(c -> !c.matches("[A-Za-z0-9.-]{1,64}"))) {
            throw new IllegalArgumentException("category must be codes such as E06001");
        }
        return codes;
    }

    private static LocalDate date(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " missing");
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date (yyyy-mm-dd)", e);
        }
    }
}
