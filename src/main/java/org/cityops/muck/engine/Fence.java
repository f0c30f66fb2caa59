package org.cityops.muck.engine;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An area the engine tests positions against: a construction site, a disposal site, a no-go zone or a speed
 * zone. {@code area} is in metres (see {@link LocalProjection}); centre in degrees for alarms and the map.
 */
public final class Fence {

    public enum Kind {
        /** 工地 */
        SITE,
        /** 消纳场 */
        DISPOSAL,
        /** 禁行区 */
        NO_GO,
        /** 限速区 */
        SPEED
    }

    private final long id;
    private final String name;
    private final Kind kind;
    private final Geometry area;
    private final PreparedGeometry prepared;
    private final Integer speedLimitKmh;
    private final DailyWindow window;
    private final String districtCode;

    public Fence(
            long id,
            String name,
            Kind kind,
            Geometry area,
            Integer speedLimitKmh,
            DailyWindow window,
            String districtCode) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.area = area;
        this.prepared = PreparedGeometryFactory.prepare(area);
        this.speedLimitKmh = speedLimitKmh;
        this.window = window == null ? DailyWindow.ALL_DAY : window;
        this.districtCode = districtCode;
    }

    public boolean contains(org.locationtech.jts.geom.Point p) {
        return prepared.covers(p);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Geometry area() {
        return area;
    }

    public Integer speedLimitKmh() {
        return speedLimitKmh;
    }

    public DailyWindow window() {
        return window;
    }

    public String districtCode() {
        return districtCode;
    }
}
