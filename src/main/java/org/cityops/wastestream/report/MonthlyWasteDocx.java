package org.cityops.wastestream.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.cityops.platform.CityClock;
import org.cityops.wastestream.balance.Trip;

/** Writes a {@link MonthlyWasteReport} as a Word document (.docx, Apache POI XWPF): text and tables only. */
public final class MonthlyWasteDocx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String CJK = "宋体";

    /** A4 width less two 2.54 cm margins, in twips. */
    private static final int TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CityClock.ZONE);

    private MonthlyWasteDocx() {}

    public static String title(MonthlyWasteReport r) {
        return r.areaName() + "餐厨废弃物收运监管月报（" + r.month().getYear() + "年"
                + r.month().getMonthValue() + "月）";
    }

    public static byte[] write(MonthlyWasteReport r) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            text(t, title(r), true, 18);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            text(sub, "统计区间：" + r.from() + " 至 " + r.to() + "（" + r.days() + "天）　数据来源：收运记录、地磅计量单", false, 10);

            heading(doc, "一、总体情况");
            paragraph(
                    doc,
                    "本月共收运餐厨废弃物" + r.tonnes().toPlainString() + "吨，日均"
                            + r.tonnesPerDay().toPlainString()
                            + "吨；收运" + r.pickups() + "次，其中估重" + r.estimatedPickups() + "次、偏离产生单位位置"
                            + r.farPickups() + "次。月末签约产生单位" + r.signedProducers() + "家，漏收"
                            + r.missedAtMonthEnd() + "家。");

            heading(doc, "二、分区收运与日产日清");
            XWPFTable d = table(doc, List.of("区（县级市）", "签约单位", "收运次数", "收运量（吨）", "日产日清率"));
            for (MonthlyWasteReport.DistrictMonth m : r.districts()) {
                row(
                        d,
                        List.of(
                                m.districtName(),
                                String.valueOf(m.signedProducers()),
                                String.valueOf(m.pickups()),
                                m.tonnes().toPlainString(),
                                percent(m.clearanceRate())));
            }
            paragraph(doc, "日产日清率 = 本月各日有收运的签约单位数之和 ÷ 本月各日签约单位数之和。");

            heading(doc, "三、趟次物料平衡");
            paragraph(
                    doc,
                    "过磅趟次" + r.closedTrips() + "趟：平衡" + r.balancedTrips() + "趟，少于收运量" + r.shortTrips() + "趟，多于收运量"
                            + r.excessTrips() + "趟；月末未过磅" + r.openTrips() + "趟。");
            if (r.flaggedTrips().isEmpty()) {
                paragraph(doc, "本月无超出容差的趟次。");
            } else {
                XWPFTable f = table(doc, List.of("车牌", "磅单号", "过磅时间", "收运净重(千克)", "过磅净重(千克)", "偏差", "状态"));
                for (Trip trip : r.flaggedTrips()) {
                    row(
                            f,
                            List.of(
                                    trip.plate(),
                                    trip.receiptNo(),
                                    TIME.format(trip.weighedAt()),
                                    trip.collectedKg().toPlainString(),
                                    trip.weighedKg().toPlainString(),
                                    percent(trip.deviation()),
                                    trip.status().label()));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
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
        run.setFontFamily(CJK, XWPFRun.FontCharRange.eastAsia);
    }

    private static XWPFTable table(XWPFDocument doc, List<String> headers) {
        XWPFTable table = doc.createTable(1, headers.size());
        table.setWidth("100%");
        // the schema wants w:tblGrid before the rows; POI leaves it out (Word would "repair" the file)
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < headers.size(); i++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS / headers.size()));
        }
        XWPFTableRow head = table.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            text(head.getCell(i).getParagraphs().get(0), headers.get(i), true, 10);
        }
        return table;
    }

    private static void row(XWPFTable table, List<String> cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.size(); i++) {
            text(row.getCell(i).getParagraphs().get(0), cells.get(i), false, 10);
        }
    }
}
