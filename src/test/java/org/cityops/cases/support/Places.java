package org.cityops.cases.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;

/**
 * Finds points inside the city by asking the {@link GridLocator} (so tests hold with the fake and with the
 * real demo grids): one point per district, scanning a lattice over the Changzhou area.
 */
public final class Places {

    public record Place(double lat, double lon, GridLocation location) {}

    private static volatile List<Place> cache;

    private Places() {}

    public static synchronized List<Place> perDistrict(GridLocator locator) {
        if (cache == null) {
            Map<String, Place> found = new LinkedHashMap<>();
            for (double lat = 31.75; lat < 31.95 && found.size() < 7; lat += 0.013) {
                for (double lon = 119.85; lon < 120.10; lon += 0.017) {
                    scan(locator, found, lat, lon);
                }
            }
            for (double lat = 31.20; lat < 32.10 && found.size() < 7; lat += 0.031) {
                for (double lon = 119.10; lon < 120.30; lon += 0.029) {
                    scan(locator, found, lat, lon);
                }
            }
            cache = new ArrayList<>(found.values());
        }
        if (cache.size() < 2) {
            throw new IllegalStateException("the grid locator knows fewer than 2 districts around Changzhou");
        }
        return cache;
    }

    private static void scan(GridLocator locator, Map<String, Place> found, double lat, double lon) {
        double la = Math.round(lat * 1e6) / 1e6;
        double lo = Math.round(lon * 1e6) / 1e6;
        locator.locate(la, lo).ifPresent(g -> found.putIfAbsent(g.districtCode(), new Place(la, lo, g)));
    }

    /** A point in the city (the first district found). */
    public static Place any(GridLocator locator) {
        return perDistrict(locator).get(0);
    }

    /** The demo handler account of the district bureau responsible for a place. */
    public static String handlerOf(Place p) {
        return switch (p.location().districtCode()) {
            case "320402" -> "handler-tianning";
            case "320404" -> "handler-zhonglou";
            case "320411" -> "handler-xinbei";
            case "320412" -> "handler-wujin";
            case "320413" -> "handler-jintan";
            case "320481" -> "handler-liyang";
            default -> "handler-jingkai";
        };
    }

    /** The code of the district bureau (区城管局) responsible for a place. */
    public static String bureau(Place p) {
        return "QCGJ-" + p.location().districtCode();
    }
}
