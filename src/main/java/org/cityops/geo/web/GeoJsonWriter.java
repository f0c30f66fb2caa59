package org.cityops.geo.web;

import org.cityops.geo.GridLocation;
import org.cityops.geo.internal.GridGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes grids as GeoJSON features (lon, lat order, 7 decimals ≈ 1 cm). */
final class GeoJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoJsonWriter() {}

    static ObjectNode collection() {
        ObjectNode fc = NODES.objectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features");
        return fc;
    }

    static ObjectNode feature(GridLocation loc, Geometry geometry) {
        ObjectNode f = NODES.objectNode();
        f.put("type", "Feature");
        f.put("id", loc.gridCode());
        ObjectNode p = f.putObject("properties");
        p.put("code", loc.gridCode());
        p.put("communityCode", loc.communityCode());
        p.put("communityName", loc.communityName());
        p.put("streetCode", loc.streetCode());
        p.put("streetName", loc.streetName());
        p.put("districtCode", loc.districtCode());
        p.put("districtName", loc.districtName());
        p.put("areaM2", Math.round(GridGeometry.areaM2(geometry) * 10) / 10.0);
        f.set("geometry", geometry(geometry));
        return f;
    }

    static ObjectNode geometry(Geometry g) {
        ObjectNode out = NODES.objectNode();
        if (g instanceof Polygon) {
            out.put("type", "Polygon");
            out.set("coordinates", polygon((Polygon) g));
        } else if (g instanceof MultiPolygon) {
            out.put("type", "MultiPolygon");
            ArrayNode polys = out.putArray("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                polys.add(polygon((Polygon) g.getGeometryN(i)));
            }
        } else {
            throw new IllegalArgumentException("not a polygonal geometry: " + g.getGeometryType());
        }
        return out;
    }

    private static ArrayNode polygon(Polygon p) {
        ArrayNode rings = NODES.arrayNode();
        rings.add(ring(p.getExteriorRing()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(ring(p.getInteriorRingN(i)));
        }
        return rings;
    }

    private static ArrayNode ring(LineString ring) {
        ArrayNode positions = NODES.arrayNode();
        for (Coordinate c : ring.getCoordinates()) {
            positions.addArray().add(round(c.x)).add(round(c.y));
        }
        return positions;
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
