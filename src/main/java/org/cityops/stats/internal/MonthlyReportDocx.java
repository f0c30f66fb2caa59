package org.cityops.stats.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityops.assessment.AreaRates;
import org.cityops.assessment.PublishedRankings;
import org.cityops.platform.office.WordDocument;

/** Writes a {@link MonthlyReport} as a Word document (.docx, Apache POI XWPF) with its charts as PNG images. */
public final class MonthlyReportDocx {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;
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
        try (WordDocument doc = WordDocument.create()) {
            doc.title(title(r)).subtitle("统计区间：" + r.from() + " 至 " + r.to() + "　数据来源：案件办理环节记录（案件统计）", 10);

            doc.heading("一、总体情况");
            totals(doc, r);
            picture(doc, trendChart(r), "trend.png");

            doc.heading("二、案件类别前十（按受理数）");
            if (r.topCategories().isEmpty()) {
                doc.paragraph("本月无案件。");
            } else {
                WordDocument.Table table = doc.table(List.of("名次", "类别", "受理", "立案", "结案", "按期结案率"));
                int i = 1;
                for (MonthlyReport.Named c : r.topCategories()) {
                    table.row(List.of(
                            String.valueOf(i++),
                            c.name(),
                            n(c.row().get(Measure.REPORTED)),
                            n(c.row().get(Measure.FILED)),
                            n(c.row().get(Measure.CLOSED)),
                            percent(c.row().rates().closeByDeadlineRate())));
                }
                picture(doc, categoryChart(r), "categories.png");
            }

            doc.heading("三、高发网格（每平方公里受理案件数）");
            if (r.hotGrids().isEmpty()) {
                doc.paragraph("本月无落在网格内的案件。");
            } else {
                WordDocument.Table table = doc.table(List.of("名次", "单元网格", "街道", "受理", "面积（km²）", "每平方公里"));
                int i = 1;
                for (MonthlyReport.HotGrid g : r.hotGrids()) {
                    table.row(List.of(
                            String.valueOf(i++),
                            g.code(),
                            g.streetName(),
                            n(g.reported()),
                            String.format(Locale.ROOT, "%.3f", g.areaKm2()),
                            String.format(Locale.ROOT, "%.1f", g.perKm2())));
                }
            }

            doc.heading("四、区考核排名");
            ranking(doc, r.ranking());

            doc.heading("五、超期未结案件");
            if (r.overdue().isEmpty()) {
                doc.paragraph("截至月末无超期未结案件。");
            } else {
                doc.paragraph("截至月末超期未结的案件（按处置期限排序，最多 " + MonthlyReport.OVERDUE_LINES + " 件）：");
                WordDocument.Table table = doc.table(List.of("案件编号", "类别", "区", "单元网格", "处置期限", "超期天数"));
                for (MonthlyReport.OverdueLine o : r.overdue()) {
                    table.row(List.of(
                            o.caseNumber(),
                            o.categoryName(),
                            o.districtName(),
                            o.gridCode(),
                            o.dueDay().toString(),
                            n(o.daysOverdue())));
                }
            }
            doc.paragraph("注：结案率 = 结案数 ÷ 应结案数，按期结案率 = 按期结案数 ÷ 应结案数，应结案数 = 结案数 + 超期未结数；" + "与考核评价使用同一算法。");
            return doc.toBytes();
        }
    }

    private static void totals(WordDocument doc, MonthlyReport r) {
        WordDocument.Table table = doc.table(List.of("指标", "本月", "上月", "环比", "去年同月", "同比"));
        for (Measure m : TOTALS) {
            long now = r.totals().get(m);
            long prev = r.lastMonth().get(m);
            long year = r.lastYear().get(m);
            table.row(List.of(m.label(), n(now), n(prev), change(now, prev), n(year), change(now, year)));
        }
        AreaRates.Rates now = r.totals().rates();
        AreaRates.Rates prev = r.lastMonth().rates();
        AreaRates.Rates year = r.lastYear().rates();
        table.row(List.of(
                "结案率",
                percent(now.closeRate()),
                percent(prev.closeRate()),
                points(now.closeRate(), prev.closeRate()),
                percent(year.closeRate()),
                points(now.closeRate(), year.closeRate())));
        table.row(List.of(
                "按期结案率",
                percent(now.closeByDeadlineRate()),
                percent(prev.closeByDeadlineRate()),
                points(now.closeByDeadlineRate(), prev.closeByDeadlineRate()),
                percent(year.closeByDeadlineRate()),
                points(now.closeByDeadlineRate(), year.closeByDeadlineRate())));
    }

    private static void ranking(WordDocument doc, PublishedRankings.Ranking ranking) {
        if (ranking == null) {
            doc.paragraph("本月无已公布的考核期。");
            return;
        }
        doc.paragraph("考核期 " + ranking.from() + " 至 " + ranking.to() + "（公布版本 " + ranking.version() + "）：");
        WordDocument.Table table = doc.table(List.of("名次", "区", "总分", "等级"));
        for (PublishedRankings.Place p : ranking.districts()) {
            table.row(List.of(
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

    /** A chart 450 points wide, as tall as its aspect ratio makes it. */
    private static void picture(WordDocument doc, byte[] png, String name) {
        doc.image(png, name, 450, 450.0 * ReportCharts.HEIGHT / ReportCharts.WIDTH);
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
