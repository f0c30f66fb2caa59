package org.cityops.cases.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cityops.cases.internal.CaseRow;
import org.cityops.platform.CityClock;
import org.springframework.stereotype.Component;

/** Writes a case list as .xlsx (streaming workbook, so a long list stays small in memory). */
@Component
class CaseExcel {

    static final String[] HEADERS = {"案卷编号", "状态", "来源", "类别", "紧急程度", "区", "街道", "处置部门", "地址",
            "受理时间", "时限", "超期", "督办"};

    byte[] write(List<CaseRow> rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("案卷 cases");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                head.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (CaseRow c : rows) {
                Row row = sheet.createRow(r++);
                int i = 0;
                row.createCell(i++).setCellValue(c.caseNumber());
                row.createCell(i++).setCellValue(c.statusLabel());
                row.createCell(i++).setCellValue(c.channel().label());
                row.createCell(i++).setCellValue(c.categoryName());
                row.createCell(i++).setCellValue(c.urgency().label());
                row.createCell(i++).setCellValue(nz(c.districtName()));
                row.createCell(i++).setCellValue(nz(c.streetName()));
                row.createCell(i++).setCellValue(nz(c.departmentName()));
                row.createCell(i++).setCellValue(nz(c.address()));
                row.createCell(i++).setCellValue(CityClock.display(c.createdAt()));
                row.createCell(i++).setCellValue(CityClock.display(c.deadline()));
                row.createCell(i++).setCellValue(c.overdue() ? "是" : "否");
                row.createCell(i).setCellValue(c.supervised() ? "是" : "否");
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
