package org.cityops.geo.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.cityops.geo.internal.Boundaries;
import org.cityops.geo.internal.BoundaryLayer;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * District and street boundaries with names: the base every map draws when no basemap is configured (and the outline
 * over one that is). Public: administrative boundaries are public information, and the citizen report page needs them.
 * The answer is written once per grid layer and carries an ETag, so a browser revalidates with a 304.
 */
@RestController
class BoundaryApiController {

    private record Cached(BoundaryLayer layer, byte[] json, String etag) {}

    private final Boundaries boundaries;
    private volatile Cached cached;

    BoundaryApiController(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    @GetMapping(path = "/api/v1/public/geo/boundaries", produces = "application/geo+json")
    ResponseEntity<byte[]> boundaries(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Cached c = current();
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        if (ifNoneMatch != null && ifNoneMatch.contains(c.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(c.etag())
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(c.etag())
                .cacheControl(cache)
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(c.json());
    }

    private Cached current() {
        BoundaryLayer layer = boundaries.current();
        Cached c = cached;
        if (c == null || c.layer() != layer) {
            byte[] json = write(layer).toString().getBytes(StandardCharsets.UTF_8);
            c = new Cached(layer, json, "\"" + sha256(json).substring(0, 20) + "\"");
            cached = c;
        }
        return c;
    }

    static ObjectNode write(BoundaryLayer layer) {
        ObjectNode fc = GeoJsonWriter.collection();
        ArrayNode features = (ArrayNode) fc.get("features");
        for (BoundaryLayer.Area a : layer.areas()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", a.code());
            ObjectNode p = f.putObject("properties");
            p.put("level", a.level() == BoundaryLayer.Level.DISTRICT ? "district" : "street");
            p.put("code", a.code());
            p.put("name", a.name());
            p.put("districtCode", a.districtCode());
            p.put("grids", a.gridCount());
            p.putArray("label").add(round(a.labelPoint().x)).add(round(a.labelPoint().y));
            f.set("geometry", GeoJsonWriter.geometry(a.geometry()));
        }
        Envelope e = layer.extent();
        if (e != null) {
            fc.putArray("bbox")
                    .add(round(e.getMinX()))
                    .add(round(e.getMinY()))
                    .add(round(e.getMaxX()))
                    .add(round(e.getMaxY()));
        }
        return fc;
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
