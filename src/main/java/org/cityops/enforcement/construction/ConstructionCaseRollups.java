package org.cityops.enforcement.construction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cityops.assessment.CaseDeductionCounts;
import org.cityops.cases.CategoryCaseCounts;
import org.cityops.org.OrgDirectory;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 12319 违建案件及扣分汇总: the 12319 cases of the catalogue's 违建 categories and the deductions they carry, per
 * district and month, beside the enforcement side, inside the caller's area. The cases and the deductions come
 * from the cases and assessment modules' read-only API ({@link CategoryCaseCounts}, {@link CaseDeductionCounts});
 * the enforcement side from this module's own tables. {@link ConstructionRollup#merge} joins them.
 */
@Service
public class ConstructionCaseRollups {

    private static final ScopeColumns COLUMNS = new ScopeColumns("grid_code", "district_code", null, null, null);

    private final CategoryCaseCounts cases;
    private final CaseDeductionCounts deductions;
    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final List<String> categories;
    private final String itemPrefix;

    ConstructionCaseRollups(
            CategoryCaseCounts cases,
            CaseDeductionCounts deductions,
            JdbcClient jdbc,
            OrgDirectory org,
            @Value("${cityops.enforcement.construction-categories:E06001,E08016,30428:E:0101}") List<String> categories,
            @Value("${cityops.enforcement.construction-item-prefix:WJ-}") String itemPrefix) {
        this.cases = cases;
        this.deductions = deductions;
        this.jdbc = jdbc;
        this.org = org;
        this.categories = List.copyOf(categories);
        this.itemPrefix = itemPrefix;
    }

    /** The roll-up of a year, optionally of one district; {@code categories} are the 违建 categories counted. */
    public record Rollup(int year, String district, List<String> categories, List<ConstructionRollup.Row> rows) {}

    @Transactional(readOnly = true)
    public Rollup of(StaffMember me, int year, String district) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("年份无效 year out of range", "year");
        }
        String d = district == null || district.isBlank() ? null : district.strip();
        ScopeFilter scope = ScopeRule.filter(me, RecordKind.AREA);
        List<CategoryCaseCounts.DistrictMonth> c = cases.byDistrictAndMonth(categories, year, scope);
        List<CaseDeductionCounts.DistrictMonth> ded = deductions.byDistrictAndMonth(categories, year, scope);
        List<ConstructionRollup.EnforcementCounts> enf = enforcement(year, scope);
        if (d != null) {
            c = c.stream().filter(r -> d.equals(r.districtCode())).toList();
            ded = ded.stream().filter(r -> d.equals(r.districtCode())).toList();
            enf = enf.stream().filter(r -> d.equals(r.district())).toList();
        }
        return new Rollup(year, d, categories, ConstructionRollup.merge(c, ded, enf));
    }

    /** 违建 enforcement cases transferred from 12319 and concluded, structures demolished, by district and month. */
    private List<ConstructionRollup.EnforcementCounts> enforcement(int year, ScopeFilter scope) {
        record Key(String district, YearMonth month) {}
        Map<Key, long[]> counts =
                new TreeMap<>(java.util.Comparator.comparing(Key::month).thenComparing(Key::district));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, Object> p = new HashMap<>();
        String where = scope.sql(COLUMNS, p);
        p.put("item", itemPrefix + "%");
        p.put("fromTs", DbTime.toDb(from.atStartOfDay(CityClock.ZONE).toInstant()));
        p.put("toTs", DbTime.toDb(to.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant()));
        p.put("from", from);
        p.put("to", to);
        jdbc.sql("SELECT district_code, created_at FROM enf_case WHERE source = 'TRANSFER' AND item_code LIKE :item"
                        + " AND created_at >= :fromTs AND created_at < :toTs AND " + where)
                .params(p)
                .query((rs, n) -> new Key(
                        rs.getString(1),
                        YearMonth.from(rs.getTimestamp(2).toInstant().atZone(CityClock.ZONE))))
                .list()
                .forEach(k -> counts.computeIfAbsent(k, x -> new long[3])[0]++);
        jdbc.sql("SELECT district_code, on_date FROM enf_case_event e JOIN (SELECT id, district_code FROM enf_case"
                        + " WHERE source = 'TRANSFER' AND item_code LIKE :item AND " + where + ") c ON c.id = e.case_id"
                        + " WHERE e.step IN ('CLOSE', 'NOT_PUNISH', 'WITHDRAW', 'TRANSFER')"
                        + " AND e.on_date BETWEEN :from AND :to")
                .params(p)
                .query((rs, n) -> new Key(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))))
                .list()
                .forEach(k -> counts.computeIfAbsent(k, x -> new long[3])[1]++);
        jdbc.sql("SELECT district_code, outcome_on FROM enf_structure WHERE status = 'DEMOLISHED'"
                        + " AND outcome_on BETWEEN :from AND :to AND " + where)
                .params(p)
                .query((rs, n) -> new Key(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class))))
                .list()
                .forEach(k -> counts.computeIfAbsent(k, x -> new long[3])[2]++);
        List<ConstructionRollup.EnforcementCounts> out = new ArrayList<>(counts.size());
        counts.forEach(
                (k, v) -> out.add(new ConstructionRollup.EnforcementCounts(k.district(), k.month(), v[0], v[1], v[2])));
        return out;
    }

    /** The column headers of the page and the .xlsx. */
    public static final List<String> HEADERS =
            List.of("区", "月份", "12319违建派遣", "结案", "督办", "督办在办", "被扣分案件", "扣分合计", "移送执法", "执法办结", "拆除违建");

    public byte[] xlsx(Rollup r) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("12319违建汇总" + r.year(), HEADERS).widths(14, 9, 12, 8, 8, 9, 10, 10, 9, 9, 9);
            for (ConstructionRollup.Row row : r.rows()) {
                sheet.row(
                        row.total() ? "合计" : org.nameOf(row.district()),
                        row.month() == null ? "全年" : row.month().toString(),
                        row.dispatched(),
                        row.closed(),
                        row.supervised(),
                        row.supervisedOpen(),
                        row.deductedCases(),
                        row.deductedPoints() == null ? BigDecimal.ZERO : row.deductedPoints(),
                        row.transferred(),
                        row.concluded(),
                        row.demolished());
            }
            return wb.toBytes();
        }
    }
}
