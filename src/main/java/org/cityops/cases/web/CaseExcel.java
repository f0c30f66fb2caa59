package org.cityops.cases.web;

import java.util.List;
import org.cityops.cases.internal.CaseRow;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.stereotype.Component;

/** Writes a case list as .xlsx (streaming, so a long list stays small in memory). */
@Component
class CaseExcel {

    static final List<String> HEADERS =
            List.of("案卷编号", "状态", "来源", "类别", "紧急程度", "区", "街道", "处置部门", "地址", "受理时间", "时限", "超期", "督办");

    byte[] write(List<CaseRow> rows) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("案卷 cases", HEADERS);
            for (CaseRow c : rows) {
                sheet.row(
                        c.caseNumber(),
                        c.statusLabel(),
                        c.channel().label(),
                        c.categoryName(),
                        c.urgency().label(),
                        nz(c.districtName()),
                        nz(c.streetName()),
                        nz(c.departmentName()),
                        nz(c.address()),
                        c.createdAt(),
                        c.deadline(),
                        c.overdue(),
                        c.supervised());
            }
            return wb.toBytes();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
