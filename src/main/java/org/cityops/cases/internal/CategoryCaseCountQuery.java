package org.cityops.cases.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cityops.cases.CategoryCaseCounts;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CategoryCaseCounts} from the case register (the steps 派遣, 结案 and 督办 of the year). */
@Component
class CategoryCaseCountQuery implements CategoryCaseCounts {

    private static final ScopeColumns COLUMNS = new ScopeColumns("c.grid_code", "c.district_code", null, null, null);

    private final JdbcClient jdbc;

    CategoryCaseCountQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record StepRow(long caseId, String district, boolean open, String action, YearMonth month) {}

    @Override
    @Transactional(readOnly = true)
    public List<DistrictMonth> byDistrictAndMonth(Collection<String> categoryCodes, int year, ScopeFilter scope) {
        if (categoryCodes == null || categoryCodes.isEmpty()) {
            throw new InvalidInputException("须给出案件类别 categories required", "category");
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.district_code, c.is_open, s.action, s.acted_at
                FROM case_step s JOIN city_case c ON c.id = s.case_id
                WHERE s.action IN ('DISPATCH', 'CLOSE', 'SUPERVISE') AND s.acted_at >= :from AND s.acted_at < :to
                  AND c.status NOT IN ('REJECTED', 'MERGED') AND (""");
        int i = 0;
        List<String> likes = new ArrayList<>();
        for (String code : categoryCodes) {
            likes.add("c.category_code LIKE :c" + i);
            params.put("c" + i, code.strip() + "%");
            i++;
        }
        sql.append(String.join(" OR ", likes)).append(") AND ").append(scope.sql(COLUMNS, params));
        sql.append(" ORDER BY s.acted_at, s.id");
        params.put(
                "from",
                DbTime.toDb(
                        LocalDate.of(year, 1, 1).atStartOfDay(CityClock.ZONE).toInstant()));
        params.put(
                "to",
                DbTime.toDb(LocalDate.of(year + 1, 1, 1)
                        .atStartOfDay(CityClock.ZONE)
                        .toInstant()));
        List<StepRow> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new StepRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        YearMonth.from(rs.getTimestamp(5).toInstant().atZone(CityClock.ZONE))))
                .list();
        return tally(rows);
    }

    private static List<DistrictMonth> tally(List<StepRow> rows) {
        record Key(YearMonth month, String district) {}
        final class Counts {
            final Set<Long> dispatched = new HashSet<>();
            final Set<Long> closed = new HashSet<>();
            final Set<Long> supervised = new HashSet<>();
            final Set<Long> supervisedOpen = new HashSet<>();
        }
        Map<Key, Counts> byKey =
                new TreeMap<>(java.util.Comparator.comparing(Key::month).thenComparing(Key::district));
        Set<Long> dispatchedOnce = new HashSet<>();
        for (StepRow r : rows) {
            Counts c = byKey.computeIfAbsent(new Key(r.month(), r.district()), k -> new Counts());
            switch (r.action()) {
                case "DISPATCH" -> {
                    if (dispatchedOnce.add(r.caseId())) {
                        c.dispatched.add(r.caseId());
                    }
                }
                case "CLOSE" -> c.closed.add(r.caseId());
                default -> {
                    c.supervised.add(r.caseId());
                    if (r.open()) {
                        c.supervisedOpen.add(r.caseId());
                    }
                }
            }
        }
        List<DistrictMonth> out = new ArrayList<>(byKey.size());
        byKey.forEach((k, c) -> out.add(new DistrictMonth(
                k.district(),
                k.month(),
                c.dispatched.size(),
                c.closed.size(),
                c.supervised.size(),
                c.supervisedOpen.size())));
        return out;
    }
}
