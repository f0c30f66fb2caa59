package org.cityops.wastestream;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CreditCode;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.wastestream.collection.Collections;
import org.cityops.wastestream.ledger.Producers;

/**
 * The seed's kitchen-waste year as spreadsheets (SYNTHETIC, generated): 3,617 signed producers (统一社会信用代码
 * with valid check characters, spread over the seven demo districts) and pickups on every day from 2019-01-01 to
 * 2019-11-30 whose net weights add up to exactly 103,491.86 t, plus one pickup the day before and one the day after
 * the period (outside it: they must not count). Weights are written as text so the sum is exact.
 */
public final class SeedYear {

    public static final int PRODUCERS = 3617;
    public static final LocalDate FROM = LocalDate.of(2019, 1, 1);
    public static final LocalDate TO = LocalDate.of(2019, 11, 30);
    public static final BigDecimal TOTAL_KG = new BigDecimal("103491860.00");
    public static final int PER_DAY = 60;
    public static final int VEHICLES = 30;
    public static final BigDecimal RATED_LOAD_KG = new BigDecimal("8000");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SeedYear() {}

    public static String creditCode(int i) {
        String first = "91320400MA%07d".formatted(1_000_000 + i);
        return first + CreditCode.checkChar(first);
    }

    public static String plate(int v) {
        return "苏D·Y%03d".formatted(v + 1);
    }

    public static String terminal(int v) {
        return "1391900%04d".formatted(v + 1);
    }

    public static byte[] producersXlsx() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("产生单位", Producers.HEADERS);
            for (int i = 0; i < PRODUCERS; i++) {
                DemoGrids.KnownPoint k = DemoGrids.KNOWN_POINTS.get(i % 7);
                int cell = i / 7;
                double lat = k.lat() - (cell / 10 % 10) * DemoGrids.CELL_DLAT;
                double lon = k.lon() + (cell % 10) * DemoGrids.CELL_DLON;
                s.row(
                        creditCode(i),
                        "示例餐饮单位" + (i + 1),
                        "JY1320400%07d".formatted(i),
                        "常州市示例路" + (i + 1) + "号",
                        String.valueOf(lat),
                        String.valueOf(lon),
                        i % 10 == 0 ? "单位食堂" : "餐饮",
                        "80",
                        "常州市餐厨废弃物收运有限公司",
                        "2019-01-01",
                        "2019-12-31",
                        null);
            }
            return wb.toBytes();
        }
    }

    /** Rows of the collections workbook: pairs of offsets cancel, the remainder cents go to the first rows. */
    public static List<List<Object>> collectionRows() {
        int days = (int) (TO.toEpochDay() - FROM.toEpochDay() + 1);
        int rows = days * PER_DAY;
        long totalCents = TOTAL_KG.movePointRight(2).longValueExact();
        long base = totalCents / rows;
        long rem = totalCents % rows;
        List<List<Object>> out = new ArrayList<>(rows + 2);
        for (int i = 0; i < rows; i++) {
            long d = (i / 2 * 37L % 1000) * 100;
            long cents = base + (i < rem ? 1 : 0) + (i % 2 == 0 ? d : -d);
            LocalDate day = FROM.plusDays(i / PER_DAY);
            int k = i % PER_DAY;
            out.add(row(
                    "SEED2019-" + i,
                    i % PRODUCERS,
                    day.atTime(LocalTime.of(5, 0).plusMinutes(15L * k)),
                    k % VEHICLES,
                    cents));
        }
        out.add(row("SEED2019-BEFORE", 0, FROM.minusDays(1).atTime(10, 0), 0, 100_000));
        out.add(row("SEED2019-AFTER", 1, TO.plusDays(1).atTime(10, 0), 1, 100_000));
        return out;
    }

    private static List<Object> row(String id, int producer, java.time.LocalDateTime at, int vehicle, long cents) {
        List<Object> r = new ArrayList<>();
        r.add(id);
        r.add(creditCode(producer));
        r.add(null);
        r.add(at.format(TIME));
        r.add(null);
        r.add(null);
        r.add(BigDecimal.valueOf(cents, 2).toPlainString());
        r.add("否");
        r.add(plate(vehicle));
        r.add("收运员" + (vehicle + 1));
        r.add(null);
        r.add(null);
        return r;
    }

    public static byte[] collectionsXlsx() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("收运记录", Collections.HEADERS);
            for (List<Object> r : collectionRows()) {
                s.row(r);
            }
            return wb.toBytes();
        }
    }
}
