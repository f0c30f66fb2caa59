package org.cityops.stats.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cityops.org.DataScope;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The statistics use case: checks a question at the edge of the domain (groupBy, dates, area inside the
 * caller's data scope) and answers it from the roll-up.
 */
@Component
public class CaseStats {

    /** The longest period one question may cover (a few years of daily rows). */
    static final long MAX_DAYS = 5 * 366;

    private final RollupStore store;
    private final Clock clock;

    CaseStats(RollupStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    /**
     * @param groupBy  one or two dimensions, comma-separated (e.g. {@code district,category}); null = district
     * @param from     first day (null = first day of this month)
     * @param to       last day (null = today)
     * @param area     district/street/community/grid code (null = the caller's whole area)
     * @param category category code or its prefix (null = all)
     */
    public StatsQuery question(
            StaffMember me, String groupBy, LocalDate from, LocalDate to, String area, String category) {
        List<Dimension> dims = new ArrayList<>();
        for (String part : (groupBy == null || groupBy.isBlank() ? "district" : groupBy).split(",")) {
            Dimension d = Dimension.parse(part)
                    .orElseThrow(() -> new InvalidInputException(
                            "未知的分组方式 groupBy=" + part.trim()
                                    + "（可选 district、street、grid、category、channel、department、day、month）",
                            "groupBy"));
            if (!dims.contains(d)) {
                dims.add(d);
            }
        }
        if (dims.size() > 2) {
            throw new InvalidInputException("groupBy 最多两个维度", "groupBy");
        }
        LocalDate today = today();
        LocalDate f = from != null ? from : today.withDayOfMonth(1);
        LocalDate t = to != null ? to : today;
        if (f.isAfter(t)) {
            throw new InvalidInputException("开始日期晚于结束日期", "from");
        }
        if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
            throw new InvalidInputException("统计区间不能超过五年", "to");
        }
        if (category != null && !category.isBlank() && !category.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new InvalidInputException("类别编码格式不正确", "category");
        }
        Scope s = scope(me, area);
        return new StatsQuery(dims, f, t, s.area(), category == null ? "" : category.trim(), s.department());
    }

    public List<StatsRow> answer(StatsQuery q) {
        return store.query(q);
    }

    /** The area (and department) a question covers: what the caller asked for, inside what they may see. */
    public Scope scope(StaffMember me, String area) {
        String wanted = area == null ? "" : area.trim();
        if (!wanted.isEmpty() && !wanted.matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}")) {
            throw new InvalidInputException("区域编码应为 6、9、12 或 15 位数字", "area");
        }
        String prefix = me.areaPrefix();
        if (prefix == null) {
            if (me.scope() == DataScope.DEPARTMENT && me.departmentCode() != null) {
                return new Scope(wanted, me.departmentCode());
            }
            throw new AccessDeniedToEntityException("无权查看统计数据", "area");
        }
        if (wanted.isEmpty()) {
            return new Scope(prefix, null);
        }
        if (!wanted.startsWith(prefix)) {
            throw new AccessDeniedToEntityException("无权查看该区域的统计：" + wanted, "area");
        }
        return new Scope(wanted, null);
    }

    public int rebuild() {
        return store.rebuild();
    }

    /** What one caller's question covers: area code prefix ("" = city) and department (null = all). */
    public record Scope(String area, String department) {}
}
