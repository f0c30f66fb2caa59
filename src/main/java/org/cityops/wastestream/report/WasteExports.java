package org.cityops.wastestream.report;

import java.util.List;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.wastestream.balance.Trip;

/** The supervision exports (.xlsx): a month's trips with their balance, and the month by district. */
public final class WasteExports {

    public static final List<String> TRIP_HEADERS =
            List.of("车牌", "磅单号", "过磅时间", "首次收运", "末次收运", "收运次数", "收运净重(千克)", "过磅净重(千克)", "差额(千克)", "偏差", "状态");

    public static final List<String> DISTRICT_HEADERS =
            List.of("区（县级市）", "月末签约单位", "收运次数", "收运量(吨)", "签约单位日数", "当日已收运单位日数", "日产日清率");

    private WasteExports() {}

    public static byte[] trips(List<Trip> trips) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("趟次物料平衡", TRIP_HEADERS);
            for (Trip t : trips) {
                s.row(
                        t.plate(),
                        t.receiptNo(),
                        t.weighedAt(),
                        t.firstPickup(),
                        t.lastPickup(),
                        t.pickups(),
                        t.collectedKg(),
                        t.weighedKg(),
                        t.gapKg(),
                        t.deviation(),
                        t.status().label());
            }
            return wb.toBytes();
        }
    }

    public static byte[] districts(MonthlyWasteReport r) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("分区收运与日产日清", DISTRICT_HEADERS);
            for (MonthlyWasteReport.DistrictMonth d : r.districts()) {
                s.row(
                        d.districtName(),
                        d.signedProducers(),
                        d.pickups(),
                        d.tonnes(),
                        d.signedProducerDays(),
                        d.clearedProducerDays(),
                        d.clearanceRate());
            }
            return wb.toBytes();
        }
    }
}
