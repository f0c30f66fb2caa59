package org.cityops.rectification.internal.imports;

import static org.cityops.rectification.internal.imports.XlsxColumns.*;

import java.util.List;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.rectification.internal.ChineseNumerals;
import org.cityops.rectification.internal.LedgerReads.ProblemView;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;

/** Writes the ledger (or the empty template) in the format {@link XlsxLedgerReader} reads back. */
public final class XlsxLedgerWriter {

    public byte[] write(InspectionRow inspection, List<ProblemView> problems) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = ledgerSheet(wb).wrap(EXPORT.indexOf(MEASURE));
            for (ProblemView pv : problems) {
                ProblemRow p = pv.problem();
                String category = ChineseNumerals.of(p.categorySeq()) + "、" + p.categoryTitle();
                if (pv.measures().isEmpty()) {
                    sheet.row(problemCells(p, category));
                    continue;
                }
                for (MeasureRow m : pv.measures()) {
                    Object[] row = problemCells(p, category);
                    set(row, MEASURE_TITLE, m.title());
                    set(row, MEASURE, m.reportText());
                    set(row, LEADER, m.responsibleLeader());
                    set(row, LEAD_DEPT, m.leadDepartment());
                    set(row, COOP_DEPTS, String.join("、", m.cooperating()));
                    set(row, DEADLINE, m.deadlineText());
                    set(row, OUTCOME, m.expectedOutcome());
                    set(row, PROGRESS, m.latestProgress());
                    set(row, STATUS, m.status().label());
                    sheet.row(row);
                }
            }
            if (inspection != null) {
                SheetWriter info = wb.sheet(INFO_SHEET).widths(14, 60);
                info(info, INFO_NAME, inspection.name());
                info(info, INFO_BODY, inspection.inspectingBody());
                info(info, INFO_KIND, inspection.kind().label());
                info(info, INFO_PERIOD, inspection.periodText());
                info(info, INFO_FEEDBACK, inspection.feedbackDate());
                info(info, INFO_ORG, inspection.organization());
                info(info, INFO_TITLE, inspection.reportTitle());
            }
            return wb.toBytes();
        }
    }

    /** The template: the header, one example row and the inspection sheet to fill in. */
    public byte[] template() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            ledgerSheet(wb)
                    .row(
                            "1",
                            "一、对2016年巡察反馈问题整改不够全面彻底,部分问题反弹回潮",
                            "党组管全局抓大事还不到位",
                            "",
                            "完善考评机制",
                            "完善考评机制。修改完善长效综合管理考核实施意见",
                            "局长",
                            "市城管局",
                            "市环卫处、市城管执法支队",
                            "2019-12-31",
                            "考核评价更加科学",
                            "",
                            "未启动");
            SheetWriter info = wb.sheet(INFO_SHEET);
            info(info, INFO_NAME, "市委第一巡察组 巡察“回头看”");
            info(info, INFO_BODY, "市委第一巡察组");
            info(info, INFO_KIND, "回头看");
            info(info, INFO_PERIOD, "2019年7月中旬至9月中旬");
            info(info, INFO_FEEDBACK, "2019-10-12");
            info(info, INFO_ORG, "常州市城市管理局");
            info(info, INFO_TITLE, "市城管局落实巡察“回头看”反馈意见整改情况报告");
            return wb.toBytes();
        }
    }

    private static SheetWriter ledgerSheet(WorkbookWriter wb) {
        SheetWriter sheet = wb.sheet(LEDGER_SHEET, EXPORT);
        for (int i = 0; i < EXPORT.size(); i++) {
            sheet.width(i, width(EXPORT.get(i)));
        }
        return sheet;
    }

    private static Object[] problemCells(ProblemRow p, String category) {
        Object[] row = new Object[EXPORT.size()];
        set(row, NO, Integer.toString(p.number()));
        set(row, CATEGORY, category);
        set(row, PROBLEM, p.title());
        set(
                row,
                PROBLEM_STATUS,
                p.overrideStatus() == null ? null : p.overrideStatus().label());
        return row;
    }

    private static void set(Object[] row, String column, String value) {
        row[EXPORT.indexOf(column)] = value == null ? "" : value;
    }

    /** A key/value row of the inspection sheet; a missing value leaves the row out. */
    private static void info(SheetWriter s, String key, Object value) {
        if (value != null) {
            s.row(key, value);
        }
    }

    private static int width(String column) {
        return switch (column) {
            case MEASURE -> 80;
            case PROBLEM, CATEGORY, PROGRESS -> 40;
            case MEASURE_TITLE, LEAD_DEPT, COOP_DEPTS, OUTCOME -> 20;
            default -> 12;
        };
    }
}
