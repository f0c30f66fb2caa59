package org.cityops.assessment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cityops.assessment.CaseDeductionCounts;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseDeductionCounts} from the deductions and assessment's projection of the case record. */
@Component
class CaseDeductionQuery implements CaseDeductionCounts {

    private static final ScopeColumns COLUMNS = new ScopeColumns("cs.grid_code", "cs.district_code", null, null, null);

    private final JdbcClient jdbc;

    CaseDeductionQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long caseId, String district, YearMonth month, BigDecimal points) {}

    @Override
    @Transactional(readOnly = true)
    public List<DistrictMonth> byDistrictAndMonth(Collection<String> categoryCodes, int year, ScopeFilter scope) {
        if (categoryCodes == null || categoryCodes.isEmpty()) {
            throw new InvalidInputException("须给出案件类别 categories required", "category");
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT d.case_id, cs.district_code, p.from_date, d.points
                FROM asm_deduction d JOIN asm_period p ON p.id = d.period_id
                JOIN (SELECT case_id, MAX(district_code) AS district_code, MAX(grid_code) AS grid_code,
                             MAX(category_code) AS category_code
                      FROM asm_case_step
                      WHERE case_id IN (SELECT case_id FROM asm_deduction WHERE case_id IS NOT NULL)
                      GROUP BY case_id) cs ON cs.case_id = d.case_id
                WHERE d.status <> 'VOIDED' AND p.from_date >= :from AND p.from_date < :to
                  AND cs.district_code IS NOT NULL AND (""");
        List<String> likes = new ArrayList<>();
        int i = 0;
        for (String code : categoryCodes) {
            likes.add("cs.category_code LIKE :c" + i);
            params.put("c" + i, code.strip() + "%");
            i++;
        }
        sql.append(String.join(" OR ", likes)).append(") AND ").append(scope.sql(COLUMNS, params));
        params.put("from", LocalDate.of(year, 1, 1));
        params.put("to", LocalDate.of(year + 1, 1, 1));
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getBigDecimal(4)))
                .list();
        record Key(YearMonth month, String district) {}
        final class Sum {
            final Set<Long> cases = new HashSet<>();
            BigDecimal points = BigDecimal.ZERO;
        }
        Map<Key, Sum> byKey = new TreeMap<>(Comparator.comparing(Key::month).thenComparing(Key::district));
        for (Row r : rows) {
            Sum s = byKey.computeIfAbsent(new Key(r.month(), r.district()), k -> new Sum());
            s.cases.add(r.caseId());
            s.points = s.points.add(r.points());
        }
        List<DistrictMonth> out = new ArrayList<>(byKey.size());
        byKey.forEach((k, s) -> out.add(new DistrictMonth(k.district(), k.month(), s.cases.size(), s.points)));
        return out;
    }
}
