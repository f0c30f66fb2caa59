package org.cityops.sanitation.collection;

import java.util.List;

/** A collection route (收运线路): ordered stops with time windows, assigned to one 垃圾收运车 (its terminal). */
public record Route(
        long id,
        String name,
        String terminal,
        String plate,
        String districtCode,
        boolean active,
        List<RouteStop> stops) {

    /** A stop: order, point, window "HH:mm"–"HH:mm" (local time). */
    public record RouteStop(int seq, long pointId, String pointName, String from, String to) {}
}
