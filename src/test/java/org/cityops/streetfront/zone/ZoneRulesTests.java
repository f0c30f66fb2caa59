package org.cityops.streetfront.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 门前三包 rules without Spring: 履约, the repeat-failure rule, the 红黑榜 rating, rates, the zone's geometry. */
class ZoneRulesTests {

    static Map<ZoneItem, ItemResult> with(ZoneItem item, ItemResult r) {
        Map<ZoneItem, ItemResult> m = new EnumMap<>(ZoneItem.class);
        m.put(item, r);
        return m;
    }

    @Test
    void items_not_tapped_are_judged_pass_so_an_empty_inspection_is_compliant() {
        Map<ZoneItem, ItemResult> items = ZoneRules.items(Map.of());
        assertThat(items).hasSize(4).containsValue(ItemResult.PASS).doesNotContainValue(ItemResult.FAIL);
        assertThat(ZoneRules.compliant(items)).isTrue();
    }

    @Test
    void any_failed_item_makes_the_inspection_not_compliant_and_not_applicable_items_do_not_count() {
        assertThat(ZoneRules.compliant(ZoneRules.items(with(ZoneItem.ORDER, ItemResult.FAIL))))
                .isFalse();
        assertThat(ZoneRules.compliant(ZoneRules.items(with(ZoneItem.GREENERY, ItemResult.NA))))
                .isTrue();
    }

    @Test
    void an_inspection_with_every_item_not_applicable_is_refused_naming_the_items() {
        Map<ZoneItem, ItemResult> none = new EnumMap<>(ZoneItem.class);
        for (ZoneItem i : ZoneItem.values()) {
            none.put(i, ItemResult.NA);
        }
        assertThat(ZoneRules.problem(none, null).field()).isEqualTo("items");
        assertThat(ZoneRules.problem(ZoneRules.items(Map.of()), "x".repeat(501)).field())
                .isEqualTo("note");
        assertThat(ZoneRules.problem(ZoneRules.items(Map.of()), null)).isNull();
    }

    @Test
    void repeated_failures_open_one_case_when_they_reach_the_threshold_in_the_window() {
        ZoneRules.RepeatPolicy p = new ZoneRules.RepeatPolicy(3, 30);
        assertThat(p.opensCase(2, false)).isFalse();
        assertThat(p.opensCase(3, false)).isTrue();
        assertThat(p.opensCase(4, true))
                .as("a case already asked in the window")
                .isFalse();
        assertThatThrownBy(() -> new ZoneRules.RepeatPolicy(0, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_red_list_needs_two_compliant_inspections_and_every_letter_signed_and_posted() {
        assertThat(ZoneRules.rating(2, 2, true)).isEqualTo(ZoneRules.Rating.RED);
        assertThat(ZoneRules.rating(2, 2, false)).isEqualTo(ZoneRules.Rating.NONE);
        assertThat(ZoneRules.rating(1, 1, true)).isEqualTo(ZoneRules.Rating.NONE);
    }

    @Test
    void the_black_list_needs_two_failures_and_a_compliance_rate_under_sixty_percent() {
        assertThat(ZoneRules.rating(2, 0, true)).isEqualTo(ZoneRules.Rating.BLACK);
        assertThat(ZoneRules.rating(5, 3, false)).as("60 % is not under 60 %").isEqualTo(ZoneRules.Rating.NONE);
        assertThat(ZoneRules.rating(5, 2, false)).isEqualTo(ZoneRules.Rating.BLACK);
        assertThat(ZoneRules.rating(3, 2, false)).as("one failure").isEqualTo(ZoneRules.Rating.NONE);
    }

    @Test
    void a_rate_is_a_percentage_with_one_decimal_and_none_without_a_denominator() {
        assertThat(ZoneRules.percent(1, 3)).isEqualTo(33.3);
        assertThat(ZoneRules.percent(2, 2)).isEqualTo(100.0);
        assertThat(ZoneRules.percent(0, 0)).isNull();
    }

    static final String SHOP =
            "POLYGON((119.9500 31.8000, 119.9504 31.8000, 119.9504 31.80005, 119.9500 31.80005, 119.9500 31.8000))";

    @Test
    void a_zone_polygon_is_measured_in_square_metres_on_the_ground() {
        // 0.0004° of longitude at 31.8° N ≈ 37.84 m, 0.00005° of latitude ≈ 5.53 m
        assertThat(ZoneGeometry.parse(SHOP).areaM2()).isBetween(205.0, 214.0);
    }

    @Test
    void zones_sharing_an_edge_do_not_overlap_and_zones_sharing_ground_do() {
        ZoneGeometry shop = ZoneGeometry.parse(SHOP);
        ZoneGeometry neighbour = ZoneGeometry.parse(
                "POLYGON((119.9504 31.8000, 119.9508 31.8000, 119.9508 31.80005, 119.9504 31.80005, 119.9504 31.8000))");
        ZoneGeometry over = ZoneGeometry.parse(
                "POLYGON((119.9502 31.8000, 119.9506 31.8000, 119.9506 31.80005, 119.9502 31.80005, 119.9502 31.8000))");
        assertThat(shop.overlaps(neighbour)).isFalse();
        assertThat(shop.overlaps(over)).isTrue();
        assertThat(shop.overlapM2(over)).isBetween(100.0, 110.0);
    }

    @Test
    void a_polygon_that_is_not_wkt_crosses_itself_or_is_too_large_is_refused() {
        assertThatThrownBy(() -> ZoneGeometry.parse("POLYGON((1 2, 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZoneGeometry.parse("POINT(119.95 31.8)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZoneGeometry.parse(
                        "POLYGON((119.95 31.80, 119.951 31.801, 119.951 31.80, 119.95 31.801, 119.95 31.80))"))
                .hasMessageContaining("self-intersecting");
        assertThatThrownBy(() -> ZoneGeometry.parse(
                        "POLYGON((119.90 31.80, 119.95 31.80, 119.95 31.85, 119.90 31.85, 119.90 31.80))"))
                .hasMessageContaining("100,000");
        assertThatThrownBy(() -> ZoneGeometry.parse("POLYGON((31.8 119.95, 31.9 119.95, 31.9 119.96, 31.8 119.95))"))
                .hasMessageContaining("lon lat");
    }

    @Test
    void a_frontage_strip_longer_than_about_two_kilometres_is_refused() {
        // 0.03° east × 0.0001° north ≈ 2.8 km × 11 m: small enough in area, too long for one shop's frontage
        assertThatThrownBy(() -> ZoneGeometry.parse(
                        "POLYGON((119.90 31.80, 119.93 31.80, 119.93 31.8001, 119.90 31.8001, 119.90 31.80))"))
                .hasMessageContaining("0.02°");
        assertThat(ZoneGeometry.parse(
                                "POLYGON((119.90 31.80, 119.915 31.80, 119.915 31.8001, 119.90 31.8001, 119.90 31.80))")
                        .areaM2())
                .isPositive();
    }

    @Test
    void a_signature_without_ink_is_blank() throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(60, 20, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        assertThat(ResponsibilityLetters.blank(out.toByteArray())).isTrue();
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.drawLine(0, 10, 59, 10);
        g.dispose();
        out.reset();
        javax.imageio.ImageIO.write(img, "png", out);
        assertThat(ResponsibilityLetters.blank(out.toByteArray())).isFalse();
    }
}
