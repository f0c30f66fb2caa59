package org.cityops.rectification.internal;

import static org.cityops.rectification.internal.XlsxColumns.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;
import org.cityops.rectification.internal.LedgerService.ProblemView;

/** Writes the ledger (or the empty template) in the format {@link XlsxLedgerReader} reads back. */
public final class XlsxLedgerWriter {

    public byte[] write(InspectionRow inspection, List<ProblemView> problems) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet sheet = wb.createSheet(LEDGER_SHEET);
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPORT.size(); i++) {
                header.createCell(i).setCellValue(EXPORT.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, width(EXPORT.get(i)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ProblemView pv : problems) {
                ProblemRow p = pv.problem();
                String category = ChineseNumerals.of(p.categorySeq()) + "、" + p.categoryTitle();
                if (pv.measures().isEmpty()) {
                    Row row = sheet.createRow(r++);
                    problemCells(row, p, category);
                    continue;
                }
                for (MeasureRow m : pv.measures()) {
                    Row row = sheet.createRow(r++);
                    problemCells(row, p, category);
                    set(row, MEASURE_TITLE, m.title());
                    set(row, MEASURE, m.reportText());
                    row.getCell(EXPORT.indexOf(MEASURE)).setCellStyle(wrap);
                    set(row, LEADER, m.responsibleLeader());
                    set(row, LEAD_DEPT, m.leadDepartment());
                    set(row, COOP_DEPTS, String.join("、", m.cooperating()));
                    set(row, DEADLINE, m.deadlineText());
                    set(row, OUTCOME, m.expectedOutcome());
                    set(row, PROGRESS, m.latestProgress());
                    set(row, STATUS, m.status().label());
                }
            }
            if (inspection != null) {
                Sheet info = wb.createSheet(INFO_SHEET);
                int i = 0;
                i = info(info, i, INFO_NAME, inspection.name());
                i = info(info, i, INFO_BODY, inspection.inspectingBody());
                i = info(info, i, INFO_KIND, inspection.kind().label());
                i = info(info, i, INFO_PERIOD, inspection.periodText());
                i = info(info, i, INFO_FEEDBACK,
                        inspection.feedbackDate() == null ? null : inspection.feedbackDate().toString());
                i = info(info, i, INFO_ORG, inspection.organization());
                info(info, i, INFO_TITLE, inspection.reportTitle());
                info.setColumnWidth(0, 14 * 256);
                info.setColumnWidth(1, 60 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template: the header, one example row and the inspection sheet to fill in. */
    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(LEDGER_SHEET);
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPORT.size(); i++) {
                header.createCell(i).setCellValue(EXPORT.get(i));
                sheet.setColumnWidth(i, width(EXPORT.get(i)) * 256);
            }
            Row ex = sheet.createRow(1);
            String[] example = {"1", "一、对2016年巡察反馈问题整改不够全面彻底,部分问题反弹回潮", "党组管全局抓大事还不到位", "",
                "完善考评机制", "完善考评机制。修改完善长效综合管理考核实施意见", "局长", "市城管局", "市环卫处、市城管执法支队",
                "2019-12-31", "考核评价更加科学", "", "未启动"};
            for (int i = 0; i < example.length; i++) {
                ex.createCell(i).setCellValue(example[i]);
            }
            Sheet info = wb.createSheet(INFO_SHEET);
            int i = 0;
            i = info(info, i, INFO_NAME, "市委第一巡察组 巡察“回头看”");
            i = info(info, i, INFO_BODY, "市委第一巡察组");
            i = info(info, i, INFO_KIND, "回头看");
            i = info(info, i, INFO_PERIOD, "2019年7月中旬至9月中旬");
            i = info(info, i, INFO_FEEDBACK, "2019-10-12");
            i = info(info, i, INFO_ORG, "常州市城市管理局");
            info(info, i, INFO_TITLE, "市城管局落实巡察“回头看”反馈意见整改情况报告");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void problemCells(Row row, ProblemRow p, String category) {
        set(row, NO, Integer.toString(p.number()));
        set(row, CATEGORY, category);
        set(row, PROBLEM, p.title());
        set(row, PROBLEM_STATUS, p.overrideStatus() == null ? null : p.overrideStatus().label());
    }

    private static void set(Row row, String column, String value) {
        row.createCell(EXPORT.indexOf(column)).setCellValue(value == null ? "" : value);
    }

    private static int info(Sheet s, int i, String key, String value) {
        if (value == null) {
            return i;
        }
        Row row = s.createRow(i);
        row.createCell(0).setCellValue(key);
        row.createCell(1).setCellValue(value);
        return i + 1;
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
