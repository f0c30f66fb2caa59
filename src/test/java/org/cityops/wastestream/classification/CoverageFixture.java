package org.cityops.wastestream.classification;

import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;

/**
 * The seed's classification coverage as a units workbook (SYNTHETIC counts, chosen to give the seed's rates):
 * 市区建成区 602 covered of 669 units in the six urban districts (602 ÷ 669 = 89.985… → 89.99 %), 溧阳市建成区 145 of
 * 152 (95.394… → 95.39 %), and 20 溧阳 农村 units of which 10 covered (50.00 %, not part of either built-up rate).
 * An uncovered unit lacks the 有害垃圾 bin.
 */
public final class CoverageFixture {

    public static final int URBAN = 669;
    public static final int URBAN_COVERED = 602;
    public static final int COUNTY = 152;
    public static final int COUNTY_COVERED = 145;
    public static final int RURAL = 20;
    public static final int RURAL_COVERED = 10;
    public static final int UNITS = URBAN + COUNTY + RURAL;

    static final String[] KINDS = {"小区", "单位", "学校", "医院", "银行网点", "公共机构"};

    private CoverageFixture() {}

    public static byte[] workbook() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("分类投放单位", ClassificationUnits.HEADERS);
            int n = 0;
            var urban = java.util.List.of(
                    DemoGrids.TIANNING,
                    DemoGrids.ZHONGLOU,
                    DemoGrids.XINBEI,
                    DemoGrids.WUJIN,
                    DemoGrids.JINTAN,
                    DemoGrids.JINGKAI);
            for (int i = 0; i < URBAN; i++) {
                row(s, n++, urban.get(i % urban.size()), i / urban.size(), i < URBAN_COVERED, "建成区");
            }
            for (int i = 0; i < COUNTY; i++) {
                row(s, n++, DemoGrids.LIYANG, i, i < COUNTY_COVERED, "");
            }
            for (int i = 0; i < RURAL; i++) {
                row(s, n++, DemoGrids.LIYANG, i, i < RURAL_COVERED, "农村");
            }
            return wb.toBytes();
        }
    }

    private static void row(SheetWriter s, int n, DemoGrids.KnownPoint k, int cell, boolean covered, String area) {
        double lat = k.lat() - (cell / 10 % 10) * DemoGrids.CELL_DLAT;
        double lon = k.lon() + (cell % 10) * DemoGrids.CELL_DLON;
        s.row(
                "FX%05d".formatted(n + 1),
                "示例分类单位" + (n + 1),
                KINDS[n % KINDS.length],
                "常州市示例路" + (n + 1) + "号",
                String.valueOf(lat),
                String.valueOf(lon),
                "2",
                covered ? "1" : "0",
                "2",
                "3",
                area);
    }
}
