package org.cityops.wastestream.report;

import java.util.List;
import java.util.Locale;
import org.cityops.platform.CityClock;
import org.cityops.platform.office.WordDocument;
import org.cityops.wastestream.balance.Trip;

/** Writes a {@link MonthlyWasteReport} as a Word document (.docx, through {@link WordDocument}): text and tables only. */
public final class MonthlyWasteDocx {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CityClock.ZONE);

    private MonthlyWasteDocx() {}

    public static String title(MonthlyWasteReport r) {
        return r.areaName() + "餐厨废弃物收运监管月报（" + r.month().getYear() + "年"
                + r.month().getMonthValue() + "月）";
    }

    public static byte[] write(MonthlyWasteReport r) {
        try (WordDocument doc = WordDocument.create()) {
            doc.title(title(r))
                    .subtitle("统计区间：" + r.from() + " 至 " + r.to() + "（" + r.days() + "天）　数据来源：收运记录、地磅计量单", 10);

            doc.heading("一、总体情况")
                    .paragraph("本月共收运餐厨废弃物" + r.tonnes().toPlainString() + "吨，日均"
                            + r.tonnesPerDay().toPlainString()
                            + "吨；收运" + r.pickups() + "次，其中估重" + r.estimatedPickups() + "次、偏离产生单位位置"
                            + r.farPickups() + "次。月末签约产生单位" + r.signedProducers() + "家，漏收"
                            + r.missedAtMonthEnd() + "家。");

            doc.heading("二、分区收运与日产日清");
            WordDocument.Table d = doc.table(List.of("区（县级市）", "签约单位", "收运次数", "收运量（吨）", "日产日清率"));
            for (MonthlyWasteReport.DistrictMonth m : r.districts()) {
                d.row(List.of(
                        m.districtName(),
                        String.valueOf(m.signedProducers()),
                        String.valueOf(m.pickups()),
                        m.tonnes().toPlainString(),
                        percent(m.clearanceRate())));
            }
            doc.paragraph("日产日清率 = 本月各日有收运的签约单位数之和 ÷ 本月各日签约单位数之和。");

            doc.heading("三、趟次物料平衡")
                    .paragraph("过磅趟次" + r.closedTrips() + "趟：平衡" + r.balancedTrips() + "趟，少于收运量" + r.shortTrips()
                            + "趟，多于收运量" + r.excessTrips() + "趟；月末未过磅" + r.openTrips() + "趟。");
            if (r.flaggedTrips().isEmpty()) {
                doc.paragraph("本月无超出容差的趟次。");
            } else {
                WordDocument.Table f = doc.table(List.of("车牌", "磅单号", "过磅时间", "收运净重(千克)", "过磅净重(千克)", "偏差", "状态"));
                for (Trip trip : r.flaggedTrips()) {
                    f.row(List.of(
                            trip.plate(),
                            trip.receiptNo(),
                            TIME.format(trip.weighedAt()),
                            trip.collectedKg().toPlainString(),
                            trip.weighedKg().toPlainString(),
                            percent(trip.deviation()),
                            trip.status().label()));
                }
            }
            return doc.toBytes();
        }
    }

    static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
