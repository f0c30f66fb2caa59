package org.cityops.enforcement.file;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.enforcement.procedure.CaseFile;
import org.cityops.enforcement.procedure.ProcedureEvent;
import org.cityops.enforcement.procedure.ProcedureSettings;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement statistics (cases, fines imposed/collected, average days per stage, by unit and month) and the
 * handler's list as .xlsx, both inside the caller's area (the cases' grids, through {@code ScopeRule}).
 */
@Service
public class EnforcementReports {

    /** The most rows a list export holds. */
    public static final int MAX_EXPORT = 10_000;

    private static final int CHUNK = 1000;
    private static final int PAGE = 200;

    private final EnforcementStore store;
    private final EnforcementCases cases;
    private final ProcedureSettings settings;
    private final OrgDirectory org;

    EnforcementReports(EnforcementStore store, EnforcementCases cases, ProcedureSettings settings, OrgDirectory org) {
        this.store = store;
        this.cases = cases;
        this.settings = settings;
        this.org = org;
    }

    /** The statistics of a year (months with a step in them), optionally of one district. */
    public record Stats(int year, String district, List<EnforcementStatistics.Row> rows) {}

    @Transactional(readOnly = true)
    public Stats stats(StaffMember me, int year, String district) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("年份无效 year out of range", "year");
        }
        String d = district == null || district.isBlank() ? null : district.trim();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(EnforcementCases.scope(me).sql(EnforcementCases.COLUMNS, params));
        if (d != null) {
            where.append(" AND district_code = :district");
            params.put("district", d);
        }
        where.append(" AND id IN (SELECT case_id FROM enf_case_event WHERE on_date BETWEEN :from AND :to)");
        params.put("from", YearMonth.of(year, 1).atDay(1));
        params.put("to", YearMonth.of(year, 12).atEndOfMonth());
        List<EnforcementCase> found = store.all(where.toString(), params);
        List<EnforcementStatistics.CaseMoves> moves = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i += CHUNK) {
            List<EnforcementCase> chunk = found.subList(i, Math.min(found.size(), i + CHUNK));
            Map<Long, List<EnforcementStore.StoredEvent>> events =
                    store.events(chunk.stream().map(EnforcementCase::id).toList());
            for (EnforcementCase c : chunk) {
                moves.add(moves(c, events.getOrDefault(c.id(), List.of())));
            }
        }
        return new Stats(year, d, EnforcementStatistics.of(moves, YearMonth.of(year, 1), YearMonth.of(year, 12)));
    }

    /** Replays a case's steps, noting the stage before and after each and the fine standing after it. */
    private EnforcementStatistics.CaseMoves moves(EnforcementCase c, List<EnforcementStore.StoredEvent> events) {
        CaseFile file = c.file(settings, List.of());
        List<EnforcementStatistics.Move> out = new ArrayList<>(events.size());
        for (EnforcementStore.StoredEvent e : events) {
            ProcedureEvent pe = e.event();
            Stage before = file.stage();
            file.apply(pe);
            out.add(new EnforcementStatistics.Move(
                    pe.input().on(),
                    pe.step(),
                    before,
                    file.stage(),
                    file.fine(),
                    pe.input().amount()));
        }
        return new EnforcementStatistics.CaseMoves(c.districtCode(), c.discoveredOn(), out);
    }

    /** The statistics as .xlsx: one row per unit and month, then the month's total. */
    public byte[] statsXlsx(Stats stats) {
        List<String> headers = new ArrayList<>(List.of("单位", "月份", "立案数", "办结数", "罚款决定(元)", "罚款收缴(元)"));
        for (Stage s : EnforcementStatistics.STAGES) {
            headers.add(s.label() + "平均天数");
        }
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("执法统计" + stats.year(), headers).widths(14, 9, 8, 8, 14, 14);
            for (EnforcementStatistics.Row r : stats.rows()) {
                List<Object> row = new ArrayList<>();
                row.add(r.unit() == null ? "合计" : org.nameOf(r.unit()));
                row.add(r.month().toString());
                row.add(r.filed());
                row.add(r.ended());
                row.add(r.finesImposed());
                row.add(r.finesCollected());
                for (Stage s : EnforcementStatistics.STAGES) {
                    Double avg = r.averageDays(s);
                    row.add(avg == null ? null : BigDecimal.valueOf(avg).setScale(1, java.math.RoundingMode.HALF_UP));
                }
                sheet.row(row);
            }
            return wb.toBytes();
        }
    }

    /** The handler's list (same filter and order as the page, with each row's nearest clock) as .xlsx. */
    @Transactional(readOnly = true)
    public byte[] listXlsx(StaffMember me, Stage stage, boolean openOnly) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet(
                            "执法案件",
                            List.of(
                                    "案件编号",
                                    "案件来源",
                                    "12319案件编号",
                                    "当事人",
                                    "证件号码",
                                    "违法行为",
                                    "所在区",
                                    "网格",
                                    "发现日期",
                                    "阶段",
                                    "罚款(元)",
                                    "最近期限",
                                    "届满日",
                                    "期限状态",
                                    "承办人"))
                    .widths(16, 10, 16, 14, 20, 30, 10, 14, 12, 10, 10, 14, 12, 10, 10);
            int written = 0;
            for (int page = 0; written < MAX_EXPORT; page++) {
                CaseViews.Page p = cases.list(me, stage, openOnly, page, PAGE);
                for (CaseViews.Row r : p.rows()) {
                    EnforcementCase c = r.c();
                    sheet.row(
                            c.caseNumber(),
                            c.source().label(),
                            c.sourceCaseNumber(),
                            c.partyName(),
                            c.maskedPartyId(),
                            c.itemName(),
                            org.nameOf(c.districtCode()),
                            c.gridCode(),
                            c.discoveredOn(),
                            c.stage().label(),
                            c.fine(),
                            r.clock() == null ? null : r.clock().kind().label(),
                            r.clock() == null ? null : r.clock().lastDay(),
                            r.suspended()
                                    ? "中止计时"
                                    : r.clock() == null
                                            ? null
                                            : r.clock().status().label(),
                            c.handler());
                    written++;
                }
                if (p.rows().size() < PAGE || (long) (page + 1) * PAGE >= p.total()) {
                    break;
                }
            }
            return wb.toBytes();
        }
    }
}
