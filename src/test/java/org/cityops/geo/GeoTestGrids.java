package org.cityops.geo;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test grids that do not collide with the demo layer: sequences 500..999 of a demo community, placed as small
 * squares far south of the city (lat ≈ 30), one slot per sequence number.
 */
final class GeoTestGrids {

    static final String COMMUNITY = "320402001001"; // 天宁区 雕庄街道 丽华新村社区
    static final double SIZE = 0.0008;
    private static final AtomicInteger NEXT =
            new AtomicInteger(500 + ThreadLocalRandom.current().nextInt(300));

    private GeoTestGrids() {}

    static int nextSequence() {
        int n = NEXT.getAndIncrement();
        if (n > 999) {
            throw new IllegalStateException("out of test grid sequences");
        }
        return n;
    }

    static String code(int seq) {
        return COMMUNITY + String.format("%03d", seq);
    }

    /** South-west corner longitude of the slot of a sequence. */
    static double lon(int seq) {
        return 118.0 + (seq % 50) * 0.001;
    }

    static double lat(int seq) {
        return 30.0 + (seq / 50) * 0.001;
    }

    static String square(int seq) {
        return GeoJsonGridReaderTests.square(lon(seq), lat(seq), SIZE);
    }

    static String feature(String code, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
