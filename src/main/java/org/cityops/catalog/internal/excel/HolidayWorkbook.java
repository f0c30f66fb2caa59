package org.cityops.catalog.internal.excel;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.catalog.internal.calendar.HolidayNotice;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;

/**
 * A year's holiday notice as a workbook: one row per festival (节日名称, 放假开始, 放假结束, 调休上班日), as the State
 * Council General Office's notice lists them. The first sheet is read whatever its name; columns by header.
 */
public final class HolidayWorkbook {

    public static final String SHEET = "节假日安排 holidays";
    static final List<String> HEADERS = List.of("节日名称 name", "放假开始 from", "放假结束 to", "调休上班日 make-up working days");
    static final int MAX_ROWS = 100;

    private enum Col {
        NAME,
        FROM,
        TO,
        WORKDAYS
    }

    private static final Map<String, Col> NAMES = Map.of(
            HeaderColumns.normalize(HEADERS.get(0)),
            Col.NAME,
            HeaderColumns.normalize("节日名称"),
            Col.NAME,
            HeaderColumns.normalize(HEADERS.get(1)),
            Col.FROM,
            HeaderColumns.normalize("放假开始"),
            Col.FROM,
            HeaderColumns.normalize(HEADERS.get(2)),
            Col.TO,
            HeaderColumns.normalize("放假结束"),
            Col.TO,
            HeaderColumns.normalize(HEADERS.get(3)),
            Col.WORKDAYS,
            HeaderColumns.normalize("调休上班日"),
            Col.WORKDAYS);

    private HolidayWorkbook() {}

    /** The year's rows (a template with only the header when the year has none yet), and a sheet of instructions. */
    public static byte[] write(HolidayNotice notice) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            var s = wb.sheet(SHEET).text().header(HEADERS).widths(20, 14, 14, 36);
            for (HolidayNotice.Entry e : notice.entries()) {
                s.row(
                        e.name(),
                        e.from(),
                        e.end(),
                        e.workdays().stream().map(LocalDate::toString).collect(Collectors.joining("、")));
            }
            wb.sheet("说明 readme")
                    .widths(120)
                    .lines(
                            notice.year() + " 年节假日安排导入说明 How to fill in this workbook",
                            "按国务院办公厅《关于 " + notice.year() + " 年部分节假日安排的通知》逐项填写，每个节日一行",
                            "节日名称：如 春节、国庆节、中秋节；放假开始/放假结束：放假（含调休）的第一天和最后一天，如 2027-02-05；只放一天时放假结束可留空",
                            "调休上班日：通知中写明“上班”的周末日期，多个日期用顿号、逗号或空格分开，如 2027-02-06、2027-02-20",
                            "日期写作 2027-02-06（也可写 2027/2/6 或 2027年2月6日）；日期须属于该年的安排（可含上一年 12 月）",
                            "导入后该年原有的节假日和调休全部被文件内容替换；任何一行有错则整个文件不导入，并列出出错的行");
            return wb.toBytes();
        }
    }

    /** The rows of the first sheet; a missing column or an unreadable workbook is a problem on row 0 or the file. */
    public static HolidayNotice.Parsed read(int year, InputStream in) {
        List<HolidayNotice.RawEntry> rows = new ArrayList<>();
        List<HolidayNotice.Problem> problems = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.sheet(SHEET).orElseGet(wb::firstSheet);
            var header = sheet.header();
            if (header.isEmpty()) {
                problems.add(new HolidayNotice.Problem(0, "file", "工作表为空 the sheet is empty"));
                return new HolidayNotice.Parsed(new HolidayNotice(year, null, List.of()), problems);
            }
            HeaderColumns<Col> cols = HeaderColumns.match(header.get(), NAMES);
            List<Col> missing = cols.missing(List.of(Col.NAME, Col.FROM));
            if (!missing.isEmpty()) {
                problems.add(new HolidayNotice.Problem(
                        0,
                        "file",
                        "缺少列 missing column(s): "
                                + missing.stream()
                                        .map(c -> HEADERS.get(c.ordinal()))
                                        .collect(Collectors.joining(", "))));
                return new HolidayNotice.Parsed(new HolidayNotice(year, null, List.of()), problems);
            }
            for (DataRow row : sheet.dataRowsBelow(header.get(), MAX_ROWS)) {
                rows.add(new HolidayNotice.RawEntry(
                        row.number(),
                        cell(row, cols, Col.NAME),
                        cell(row, cols, Col.FROM),
                        cell(row, cols, Col.TO),
                        List.of(cell(row, cols, Col.WORKDAYS))));
            }
        }
        HolidayNotice.Parsed parsed = HolidayNotice.parse(year, "xlsx", rows);
        problems.addAll(parsed.problems());
        return new HolidayNotice.Parsed(parsed.notice(), problems);
    }

    private static String cell(DataRow row, HeaderColumns<Col> cols, Col col) {
        Integer i = cols.of(col);
        return i == null ? "" : row.text(i);
    }
}
