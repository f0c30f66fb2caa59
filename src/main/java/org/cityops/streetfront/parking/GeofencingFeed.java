package org.cityops.streetfront.parking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The parking areas and no-parking zones as a GBFS v3.0 {@code geofencing_zones.json} document, for the operators'
 * apps: a FeatureCollection of MultiPolygons (a parking line widened to its bay), each with {@code rules}
 * ({@code ride_start_allowed}, {@code ride_end_allowed}, {@code ride_through_allowed}, {@code station_parking});
 * no-parking zones come first (GBFS: where zones overlap, the first one's rules apply). {@code global_rules} say
 * what holds outside every zone: by default a ride may not end outside a parking area (the 停放管理办法's
 * 入栏停放), {@code cityops.parking.ride-end-outside-areas=true} allows it. Published data: only shapes, names and
 * codes (each feature's GeoJSON {@code id} is the area's code, the {@code areaCode} of the counts API).
 */
@Service
public class GeofencingFeed {

    /** Seconds the operators may cache the document (GBFS {@code ttl}). */
    public static final int TTL_SECONDS = 300;

    private final ParkingAreas areas;
    private final Clock clock;
    private final boolean endOutsideAllowed;

    GeofencingFeed(
            ParkingAreas areas,
            Clock clock,
            @Value("${cityops.parking.ride-end-outside-areas:false}") boolean endOutsideAllowed) {
        this.areas = areas;
        this.clock = clock;
        this.endOutsideAllowed = endOutsideAllowed;
    }

    /** How long one built document is served before it is built again (areas change rarely; GBFS ttl is 300 s). */
    static final java.time.Duration REBUILD_AFTER = java.time.Duration.ofSeconds(60);

    private volatile Map<String, Object> cached;
    private volatile java.time.Instant builtAt = java.time.Instant.MIN;

    /** The document, built at most once a minute (a build buffers every line: seconds for a city). */
    public Map<String, Object> document() {
        java.time.Instant now = clock.instant();
        Map<String, Object> doc = cached;
        if (doc == null || builtAt.plus(REBUILD_AFTER).isBefore(now) || builtAt.isAfter(now)) {
            doc = build();
            cached = doc;
            builtAt = now;
        }
        return doc;
    }

    /** Forgets the built document (after an area or zone is created). */
    public void changed() {
        cached = null;
    }

    Map<String, Object> build() {
        List<Object> features = new ArrayList<>();
        for (NoParkingZone z : areas.zones(StaffMember.SYSTEM)) {
            Polygon p = ParkingGeometry.polygon(z.polygonWkt(), "polygonWkt").geometry();
            if (p != null) {
                features.add(feature("nopark-" + z.code(), z.name(), p, rule(true, false, true)));
            }
        }
        for (ParkingArea a : areas.allAreas()) {
            var line = ParkingGeometry.line(a.lineWkt(), "lineWkt").geometry();
            if (line != null) {
                features.add(
                        feature(a.code(), a.name(), ParkingGeometry.bay(line, a.depthM()), rule(true, true, true)));
            }
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("geofencing_zones", fc);
        data.put("global_rules", List.of(rule(true, endOutsideAllowed, true)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(
                "last_updated",
                OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), CityClock.ZONE)
                        .toString());
        doc.put("ttl", TTL_SECONDS);
        doc.put("version", "3.0");
        doc.put("data", data);
        return doc;
    }

    private static Map<String, Object> feature(String id, String name, Polygon p, Map<String, Object> rule) {
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "MultiPolygon");
        geometry.put("coordinates", List.of(ParkingGeometry.rings(p)));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", List.of(Map.of("text", name, "language", "zh")));
        props.put("rules", List.of(rule));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id);
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }

    private static Map<String, Object> rule(boolean start, boolean end, boolean through) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ride_start_allowed", start);
        r.put("ride_end_allowed", end);
        r.put("ride_through_allowed", through);
        r.put("station_parking", false);
        return r;
    }
}
