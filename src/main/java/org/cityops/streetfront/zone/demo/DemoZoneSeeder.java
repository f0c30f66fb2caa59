package org.cityops.streetfront.zone.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.streetfront.zone.ItemResult;
import org.cityops.streetfront.zone.ResponsibilityLetters;
import org.cityops.streetfront.zone.Zone;
import org.cityops.streetfront.zone.ZoneDraft;
import org.cityops.streetfront.zone.ZoneInspections;
import org.cityops.streetfront.zone.ZoneItem;
import org.cityops.streetfront.zone.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo 门前三包 zones (demo profile, runs once), made through {@link Zones}, {@link ResponsibilityLetters} and
 * {@link ZoneInspections} as users would. In each of the five demo districts the five shops of the sign demo (the
 * same 统一社会信用代码, so a shop's sign and zone meet on its party page) get a frontage zone in front of their sign:
 * shop 1 signed on screen, posted, three compliant inspections (红榜); shop 2 signed by scan, not posted; shop 3
 * unsigned with two failed inspections (黑榜; a third failure within 30 days opens a case); shop 4 signed and posted,
 * one pass and one failure; shop 5 unsigned, not inspected. In 天宁 a sixth zone overlaps shop 1's with a reason. The
 * images (signatures, scans, photos) are drawn here and the records marked synthetic.
 */
@Component
@Profile("demo")
@Order(78)
class DemoZoneSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoZoneSeeder.class);

    /** The demo grid lattice (as the sign demo's {@code DemoStreetfrontSeeder}). */
    static final double CELL_DLON = 0.00106;

    static final double CELL_DLAT = 0.0009;
    static final double NORTH = 31.84;
    static final double WEST = 119.87;

    record DemoDistrict(String code, String name, int col, int row) {}

    static final List<DemoDistrict> DISTRICTS = List.of(
            new DemoDistrict("320402", "天宁", 64, 36),
            new DemoDistrict("320404", "钟楼", 0, 36),
            new DemoDistrict("320411", "新北", 16, 0),
            new DemoDistrict("320412", "武进", 40, 72),
            new DemoDistrict("320491", "经开", 128, 36));

    private static final String[] SHOPS = {"味道面馆", "晨光文具", "金鼎大酒店", "百姓大药房", "阿明水果"};

    private final JdbcClient jdbc;
    private final Zones zones;
    private final ResponsibilityLetters letters;
    private final ZoneInspections inspections;

    DemoZoneSeeder(JdbcClient jdbc, Zones zones, ResponsibilityLetters letters, ZoneInspections inspections) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.letters = letters;
        this.inspections = inspections;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM sf_zone WHERE synthetic")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        StaffMember me = StaffMember.SYSTEM;
        String signature = "data:image/png;base64," + Base64.getEncoder().encodeToString(image(300, 100, 1));
        byte[] scan = image(400, 560, 2);
        byte[] photo = image(480, 360, 3);
        int n = 0;
        for (DemoDistrict d : DISTRICTS) {
            for (int i = 0; i < SHOPS.length; i++) {
                Zone z = zones.create(draft(d, i, null), me, true);
                n++;
                switch (i) {
                    case 0 -> {
                        letters.signOnScreen(z.id(), signature, "店主" + SHOPS[i].charAt(0) + "先生", me);
                        letters.posted(z.id(), "posted.png", photo, me);
                        for (int k = 0; k < 3; k++) {
                            inspections.record(z.id(), Map.of(), null, me);
                        }
                    }
                    case 1 -> {
                        letters.signByScan(z.id(), "signed-letter.png", scan, null, me);
                        inspections.record(z.id(), Map.of(ZoneItem.GREENERY, ItemResult.NA), null, me);
                    }
                    case 2 -> {
                        inspections.record(z.id(), items(ZoneItem.ORDER), "店外经营，占用人行道摆放桌椅", me);
                        inspections.record(z.id(), items(ZoneItem.SANITATION), "门前餐厨垃圾外溢", me);
                    }
                    case 3 -> {
                        letters.signOnScreen(z.id(), signature, "店长", me);
                        letters.posted(z.id(), "posted.png", photo, me);
                        inspections.record(z.id(), Map.of(), null, me);
                        inspections.record(z.id(), items(ZoneItem.CITYSCAPE), "门前乱张贴小广告", me);
                    }
                    default -> {
                        // not signed, not inspected yet
                    }
                }
            }
        }
        DemoDistrict first = DISTRICTS.get(0);
        zones.create(draft(first, 0, "相邻两店共用门前空地，按店面分段负责（街道协调确认）"), me, true);
        n++;
        log.info("demo street front: {} frontage zones", n);
    }

    private static Map<ZoneItem, ItemResult> items(ZoneItem failed) {
        Map<ZoneItem, ItemResult> m = new EnumMap<>(ZoneItem.class);
        m.put(failed, ItemResult.FAIL);
        return m;
    }

    /**
     * Shop {@code i}'s frontage: about 38 m along the street and 5.5 m deep, just south of its sign (inside the same
     * demo grid cell). With an overlap reason: a second zone of a neighbour over half of shop {@code i}'s.
     */
    static ZoneDraft draft(DemoDistrict d, int i, String overlapReason) {
        double lat = NORTH - (d.row() + 2 + 3 * i + 0.5) * CELL_DLAT;
        double lon = WEST + (d.col() + 3 + 2 * i + 0.5) * CELL_DLON;
        double west = overlapReason == null ? lon - 0.0002 : lon;
        double east = overlapReason == null ? lon + 0.0002 : lon + 0.0004;
        double south = lat - 0.00005;
        String wkt = String.format(
                Locale.ROOT,
                "POLYGON((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                west,
                south,
                east,
                south,
                east,
                lat,
                west,
                lat,
                west,
                south);
        if (overlapReason != null) {
            String credit17 = "92" + d.code() + "MA1000099";
            return new ZoneDraft(
                    "MQ-" + d.code() + "-099",
                    "便民早餐亭门前",
                    "常州市" + d.name() + "区便民早餐亭",
                    credit17 + CreditCode.checkChar(credit17),
                    "王女士",
                    "13800000099",
                    d.name() + "区演示路1号旁",
                    wkt,
                    overlapReason);
        }
        String credit17 = "92" + d.code() + String.format("MA1%06d", i + 1);
        return new ZoneDraft(
                "MQ-" + d.code() + "-" + String.format("%03d", i + 1),
                SHOPS[i] + "门前",
                "常州市" + d.name() + "区" + SHOPS[i],
                credit17 + CreditCode.checkChar(credit17),
                "店主",
                String.format("1390000%04d", i + 1),
                d.name() + "区演示路" + (i * 2 + 1) + "号",
                wkt,
                null);
    }

    /** A drawn stand-in image: a signature stroke (1), a letter page with lines (2), a wall with a frame (3). */
    static byte[] image(int w, int h, int kind) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            if (kind != 1) {
                g.setColor(kind == 2 ? Color.WHITE : new Color(0xd8cfc4));
                g.fillRect(0, 0, w, h);
            }
            g.setColor(new Color(0x1d2733));
            g.setStroke(new BasicStroke(3));
            if (kind == 1) {
                g.drawPolyline(new int[] {20, 60, 90, 130, 170, 210, 260}, new int[] {70, 30, 75, 25, 80, 35, 60}, 7);
            } else if (kind == 2) {
                for (int y = 60; y < h - 80; y += 30) {
                    g.drawLine(40, y, w - 40, y);
                }
                g.drawPolyline(
                        new int[] {w - 180, w - 140, w - 110, w - 60}, new int[] {h - 40, h - 70, h - 35, h - 60}, 4);
            } else {
                g.setColor(Color.WHITE);
                g.fillRect(w / 4, h / 6, w / 2, h * 2 / 3);
                g.setColor(new Color(0x8b5a2b));
                g.drawRect(w / 4, h / 6, w / 2, h * 2 / 3);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
