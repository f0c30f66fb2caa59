package org.cityops.stats.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.cityops.assessment.AreaRates;
import org.cityops.assessment.PublishedRankings;

/** Writes a {@link MonthlyReport} as a Word document (.docx, Apache POI XWPF) with its charts as PNG images. */
public final class MonthlyReportDocx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String CJK = "宋体";
    private static final Measure[] TOTALS = {
        Measure.REPORTED,
        Measure.FILED,
        Measure.DISPATCHED,
        Measure.CLOSED,
        Measure.CLOSED_ON_TIME,
        Measure.OVERDUE,
        Measure.REWORK,
        Measure.RETURNED,
        Measure.SATISFIED,
        Measure.DISSATISFIED
    };

    private MonthlyReportDocx() {}

    public static String title(MonthlyReport r) {
        return r.areaName() + "数字城管月报（" + r.month().getYear() + "年" + r.month().getMonthValue() + "月）";
    }

    public static byte[] write(MonthlyReport r) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            text(t, title(r), true, 18);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            text(sub, "统计区间：" + r.from() + " 至 " + r.to() + "　数据来源：案件办理环节记录（案件统计）", false, 10);

            heading(doc, "一、总体情况");
            totals(doc, r);
            picture(doc, trendChart(r), "trend.png");

            heading(doc, "二、案件类别前十（按受理数）");
            if (r.topCategories().isEmpty()) {
                paragraph(doc, "本月无案件。");
            } else {
                XWPFTable table = table(doc, List.of("名次", "类别", "受理", "立案", "结案", "按期结案率"));
                int i = 1;
                for (MonthlyReport.Named c : r.topCategories()) {
                    row(
                            table,
                            List.of(
                                    String.valueOf(i++),
                                    c.name(),
                                    n(c.row().get(Measure.REPORTED)),
                                    n(c.row().get(Measure.FILED)),
                                    n(c.row().get(Measure.CLOSED)),
                                    percent(c.row().rates().closeByDeadlineRate())));
                }
                picture(doc, categoryChart(r), "categories.png");
            }

            heading(doc, "三、高发网格（每平方公里受理案件数）");
            if (r.hotGrids().isEmpty()) {
                paragraph(doc, "本月无落在网格内的案件。");
            } else {
                XWPFTable table = table(doc, List.of("名次", "单元网格", "街道", "受理", "面积（km²）", "每平方公里"));
                int i = 1;
                for (MonthlyReport.HotGrid g : r.hotGrids()) {
                    row(
                            table,
                            List.of(
                                    String.valueOf(i++),
                                    g.code(),
                                    g.streetName(),
                                    n(g.reported()),
                                    String.format(Locale.ROOT, "%.3f", g.areaKm2()),
                                    String.format(Locale.ROOT, "%.1f", g.perKm2())));
                }
            }

            heading(doc, "四、区考核排名");
            ranking(doc, r.ranking());

            heading(doc, "五、超期未结案件");
            if (r.overdue().isEmpty()) {
                paragraph(doc, "截至月末无超期未结案件。");
            } else {
                paragraph(doc, "截至月末超期未结的案件（按处置期限排序，最多 " + MonthlyReport.OVERDUE_LINES + " 件）：");
                XWPFTable table = table(doc, List.of("案件编号", "类别", "区", "单元网格", "处置期限", "超期天数"));
                for (MonthlyReport.OverdueLine o : r.overdue()) {
                    row(
                            table,
                            List.of(
                                    o.caseNumber(),
                                    o.categoryName(),
                                    o.districtName(),
                                    o.gridCode(),
                                    o.dueDay().toString(),
                                    n(o.daysOverdue())));
                }
            }
            paragraph(doc, "注：结案率 = 结案数 ÷ 应结案数，按期结案率 = 按期结案数 ÷ 应结案数，应结案数 = 结案数 + 超期未结数；" + "与考核评价使用同一算法。");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void totals(XWPFDocument doc, MonthlyReport r) {
        XWPFTable table = table(doc, List.of("指标", "本月", "上月", "环比", "去年同月", "同比"));
        for (Measure m : TOTALS) {
            long now = r.totals().get(m);
            long prev = r.lastMonth().get(m);
            long year = r.lastYear().get(m);
            row(table, List.of(m.label(), n(now), n(prev), change(now, prev), n(year), change(now, year)));
        }
        AreaRates.Rates now = r.totals().rates();
        AreaRates.Rates prev = r.lastMonth().rates();
        AreaRates.Rates year = r.lastYear().rates();
        row(
                table,
                List.of(
                        "结案率",
                        percent(now.closeRate()),
                        percent(prev.closeRate()),
                        points(now.closeRate(), prev.closeRate()),
                        percent(year.closeRate()),
                        points(now.closeRate(), year.closeRate())));
        row(
                table,
                List.of(
                        "按期结案率",
                        percent(now.closeByDeadlineRate()),
                        percent(prev.closeByDeadlineRate()),
                        points(now.closeByDeadlineRate(), prev.closeByDeadlineRate()),
                        percent(year.closeByDeadlineRate()),
                        points(now.closeByDeadlineRate(), year.closeByDeadlineRate())));
    }

    private static void ranking(XWPFDocument doc, PublishedRankings.Ranking ranking) {
        if (ranking == null) {
            paragraph(doc, "本月无已公布的考核期。");
            return;
        }
        paragraph(doc, "考核期 " + ranking.from() + " 至 " + ranking.to() + "（公布版本 " + ranking.version() + "）：");
        XWPFTable table = table(doc, List.of("名次", "区", "总分", "等级"));
        for (PublishedRankings.Place p : ranking.districts()) {
            row(
                    table,
                    List.of(
                            p.rank() == null ? "—" : String.valueOf(p.rank()),
                            p.districtName() == null ? p.districtCode() : p.districtName(),
                            p.total() == null ? "—" : String.format(Locale.ROOT, "%.2f", p.total()),
                            p.grade() == null ? "—" : p.grade()));
        }
    }

    static byte[] trendChart(MonthlyReport r) {
        List<String> labels = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        java.util.Map<Object, StatsRow> byDay = new java.util.HashMap<>();
        r.days().forEach(d -> byDay.put(d.keys().get(0), d));
        DateTimeFormatter md = DateTimeFormatter.ofPattern("M/d");
        for (var d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
            StatsRow row = byDay.get(d);
            labels.add(md.format(d));
            reported.add(row == null ? 0 : row.get(Measure.REPORTED));
            closed.add(row == null ? 0 : row.get(Measure.CLOSED));
        }
        return ReportCharts.lines(
                "每日受理与结案",
                labels,
                List.of(new ReportCharts.Series("受理", reported), new ReportCharts.Series("结案", closed)));
    }

    static byte[] categoryChart(MonthlyReport r) {
        return ReportCharts.bars(
                "案件类别前十（受理数）",
                r.topCategories().stream().map(MonthlyReport.Named::name).toList(),
                r.topCategories().stream()
                        .map(c -> c.row().get(Measure.REPORTED))
                        .toList());
    }

    private static void heading(XWPFDocument doc, String s) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        text(p, s, true, 14);
    }

    private static void paragraph(XWPFDocument doc, String s) {
        text(doc.createParagraph(), s, false, 11);
    }

    private static void text(XWPFParagraph p, String s, boolean bold, int size) {
        XWPFRun run = p.createRun();
        run.setText(s);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(CJK, FontCharRange.eastAsia);
    }

    /** The text width of an A4 page (21 cm) less two 2.54 cm margins, in twentieths of a point. */
    static final int TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;

    private static XWPFTable table(XWPFDocument doc, List<String> headers) {
        XWPFTable table = doc.createTable(1, headers.size());
        table.setWidth("100%");
        // ECMA-376 wants the table grid (w:tblGrid) before the rows; POI leaves it out and Word then "repairs"
        // the document. Equal columns over the text width of an A4 page with 2.54 cm margins.
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < headers.size(); i++) {
            grid.addNewGridCol().setW(java.math.BigInteger.valueOf(TEXT_WIDTH_TWIPS / headers.size()));
        }
        XWPFTableRow head = table.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            XWPFParagraph p = head.getCell(i).getParagraphs().get(0);
            text(p, headers.get(i), true, 10);
        }
        return table;
    }

    private static void row(XWPFTable table, List<String> cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.size(); i++) {
            text(row.getCell(i).getParagraphs().get(0), cells.get(i), false, 10);
        }
    }

    private static void picture(XWPFDocument doc, byte[] png, String name) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun()
                    .addPicture(
                            new ByteArrayInputStream(png),
                            Document.PICTURE_TYPE_PNG,
                            name,
                            Units.toEMU(450),
                            Units.toEMU(450.0 * ReportCharts.HEIGHT / ReportCharts.WIDTH));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("chart could not be added: " + name, e);
        }
    }

    private static String n(long v) {
        return String.valueOf(v);
    }

    static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** Relative change in per cent, "—" without a base. */
    static String change(long now, long before) {
        if (before == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (now - before) * 100.0 / before);
    }

    /** Change of a rate in percentage points. */
    static String points(Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.1f 个百分点", (now - before) * 100);
    }
}
