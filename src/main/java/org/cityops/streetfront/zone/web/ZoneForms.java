package org.cityops.streetfront.zone.web;

import java.util.EnumMap;
import java.util.Map;
import org.cityops.platform.InvalidInputException;
import org.cityops.streetfront.zone.ItemResult;
import org.cityops.streetfront.zone.ZoneItem;

/** Reads an inspection's items from request values (code or Chinese label; blank = 合格). */
final class ZoneForms {

    private ZoneForms() {}

    static Map<ZoneItem, ItemResult> items(String cityscape, String sanitation, String order, String greenery) {
        Map<ZoneItem, ItemResult> m = new EnumMap<>(ZoneItem.class);
        put(m, ZoneItem.CITYSCAPE, cityscape, "cityscape");
        put(m, ZoneItem.SANITATION, sanitation, "sanitation");
        put(m, ZoneItem.ORDER, order, "order");
        put(m, ZoneItem.GREENERY, greenery, "greenery");
        return m;
    }

    private static void put(Map<ZoneItem, ItemResult> m, ZoneItem item, String value, String field) {
        if (value == null || value.isBlank()) {
            return;
        }
        ItemResult r = ItemResult.parse(value);
        if (r == null) {
            throw new InvalidInputException("须为合格、不合格或不涉及 must be PASS, FAIL or NA", field);
        }
        m.put(item, r);
    }
}
