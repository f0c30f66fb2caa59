package org.cityops.geo.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of unit grids (RFC 7946: WGS-84, positions in lon, lat order) into JTS
 * geometries, leniently: unknown members are ignored, every broken feature is reported with its index and the
 * path of the offending member, and the other features are still read. Each feature needs
 * {@code properties.code} (string) and a Polygon or MultiPolygon geometry; {@code properties.validFrom}
 * (YYYY-MM-DD) and {@code properties.remark} are optional. Rings must be closed (first position = last).
 */
public class GeoJsonGridReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public ParsedLayer read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            return fileProblem(
                    "body", "不是合法的 JSON malformed JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        return read(root);
    }

    public ParsedLayer read(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return fileProblem("body", "请求体为空 empty body");
        }
        if (!root.isObject()) {
            return fileProblem("body", "应为 GeoJSON 对象 expected a GeoJSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString() || !"FeatureCollection".equals(type.stringValue())) {
            return fileProblem("type", "type 应为 FeatureCollection type must be \"FeatureCollection\"");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            return fileProblem("features", "features 应为数组 features must be an array");
        }
        List<GridFeature> read = new ArrayList<>();
        List<FeatureProblem> problems = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureContext ctx = new FeatureContext(i);
            try {
                read.add(feature(features.get(i), ctx));
            } catch (Invalid e) {
                problems.add(new FeatureProblem(i, ctx.code, e.field, e.getMessage()));
            }
        }
        return new ParsedLayer(features.size(), read, problems);
    }

    private static ParsedLayer fileProblem(String field, String reason) {
        return new ParsedLayer(0, List.of(), List.of(FeatureProblem.ofFile(field, reason)));
    }

    private static String where(TokenStreamLocation loc) {
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private GridFeature feature(JsonNode f, FeatureContext ctx) {
        String base = "features[" + ctx.index + "]";
        if (f == null || !f.isObject()) {
            throw new Invalid(base, "要素应为对象 feature must be an object");
        }
        JsonNode props = f.get("properties");
        if (props != null && props.isObject()) {
            JsonNode code = props.get("code");
            if (code != null && (code.isString() || code.isNumber())) {
                ctx.code = code.isString() ? code.stringValue() : code.asString();
            }
        }
        JsonNode type = f.get("type");
        if (type == null || !type.isString() || !"Feature".equals(type.stringValue())) {
            throw new Invalid(base + ".type", "type 应为 Feature type must be \"Feature\"");
        }
        if (props == null || !props.isObject()) {
            throw new Invalid(base + ".properties", "缺少 properties 对象 properties object missing");
        }
        JsonNode code = props.get("code");
        if (code == null || code.isNull()) {
            throw new Invalid(base + ".properties.code", "缺少网格编码 grid code missing");
        }
        if (!code.isString()) {
            throw new Invalid(base + ".properties.code", "网格编码应为字符串 grid code must be a string (15 digits in quotes)");
        }
        LocalDate validFrom = null;
        JsonNode vf = props.get("validFrom");
        if (vf != null && !vf.isNull()) {
            try {
                validFrom = LocalDate.parse(vf.isString() ? vf.stringValue() : "?");
            } catch (DateTimeParseException e) {
                throw new Invalid(base + ".properties.validFrom", "日期格式应为 YYYY-MM-DD date must be YYYY-MM-DD");
            }
        }
        String remark = null;
        JsonNode rm = props.get("remark");
        if (rm != null && !rm.isNull()) {
            if (!rm.isString() || rm.stringValue().length() > 500) {
                throw new Invalid(
                        base + ".properties.remark",
                        "备注应为不超过 500 字的字符串 remark must be a string of at most 500 characters");
            }
            remark = rm.stringValue();
        }
        Geometry geometry = geometry(f.get("geometry"), base + ".geometry");
        return new GridFeature(ctx.index, code.stringValue(), geometry, validFrom, remark);
    }

    private Geometry geometry(JsonNode g, String path) {
        if (g == null || g.isNull() || !g.isObject()) {
            throw new Invalid(path, "缺少几何对象 geometry missing");
        }
        JsonNode type = g.get("type");
        if (type == null || !type.isString()) {
            throw new Invalid(path + ".type", "缺少几何类型 geometry type missing");
        }
        JsonNode coords = g.get("coordinates");
        String cpath = path + ".coordinates";
        if (coords == null || !coords.isArray()) {
            throw new Invalid(cpath, "coordinates 应为数组 coordinates must be an array");
        }
        switch (type.stringValue()) {
            case "Polygon":
                return polygon(coords, cpath);
            case "MultiPolygon":
                if (coords.size() == 0) {
                    throw new Invalid(cpath, "多面不能为空 MultiPolygon must not be empty");
                }
                Polygon[] polygons = new Polygon[coords.size()];
                for (int i = 0; i < coords.size(); i++) {
                    polygons[i] = polygon(coords.get(i), cpath + "[" + i + "]");
                }
                return GridGeometry.FACTORY.createMultiPolygon(polygons);
            default:
                throw new Invalid(
                        path + ".type",
                        "几何类型应为 Polygon 或 MultiPolygon geometry type must be " + "Polygon or MultiPolygon, got "
                                + type.stringValue());
        }
    }

    private Polygon polygon(JsonNode rings, String path) {
        if (!rings.isArray() || rings.size() == 0) {
            throw new Invalid(path, "多边形至少需要一个环 polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), path + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), path + "[" + i + "]");
        }
        return GridGeometry.FACTORY.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode ring, String path) {
        if (!ring.isArray()) {
            throw new Invalid(path, "环应为坐标数组 ring must be an array of positions");
        }
        if (ring.size() < 4) {
            throw new Invalid(path, "环至少需要 4 个坐标 ring needs at least 4 positions, got " + ring.size());
        }
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            cs[i] = position(ring.get(i), path + "[" + i + "]");
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new Invalid(path, "环未闭合（首尾坐标不同） ring is not closed: first and last positions differ");
        }
        return GridGeometry.FACTORY.createLinearRing(cs);
    }

    private Coordinate position(JsonNode p, String path) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new Invalid(path, "坐标应为 [经度, 纬度] 数字 position must be [lon, lat] numbers");
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180)) {
            throw new Invalid(path, "经度超出 -180..180 longitude out of range: " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new Invalid(path, "纬度超出 -90..90 latitude out of range: " + lat);
        }
        return new Coordinate(lon, lat);
    }

    private static final class FeatureContext {
        final int index;
        String code;

        FeatureContext(int index) {
            this.index = index;
        }
    }

    private static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
