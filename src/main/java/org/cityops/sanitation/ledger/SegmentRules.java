package org.cityops.sanitation.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.cityops.sanitation.coverage.LocalFrame;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * What makes a road segment acceptable (no Spring, no SQL): a code and a name, a known grade, a carriageway width
 * of 1–100 m, and a line of at least two distinct points that does not cross itself (a self-crossing line has
 * positions along it that are not unique, so coverage along it would be wrong) and lies inside the city. Each
 * problem is named by its field.
 */
public final class SegmentRules {

    /** A problem with one field of a draft. */
    public record Problem(String field, String message) {}

    /** A checked segment: the draft's values, the line and its length and area. */
    public record Checked(SegmentDraft draft, RoadGrade grade, LineString line, double lengthM, double areaM2) {}

    private final BiPredicate<Double, Double> insideCity;
    private final LocalFrame frame;

    /** @param insideCity (lat, lon) → whether the point lies in the city */
    public SegmentRules(BiPredicate<Double, Double> insideCity, LocalFrame frame) {
        this.insideCity = insideCity;
        this.frame = frame;
    }

    public List<Problem> problems(SegmentDraft d) {
        List<Problem> out = new ArrayList<>();
        if (blank(d.code()) || d.code().trim().length() > 64) {
            out.add(new Problem("code", "编码必填，不超过64字 code required, at most 64 characters"));
        }
        if (blank(d.name()) || d.name().trim().length() > 200) {
            out.add(new Problem("name", "名称必填，不超过200字 name required, at most 200 characters"));
        }
        if (RoadGrade.parse(d.grade()) == null) {
            out.add(new Problem("grade", "道路等级须为一级至四级 grade must be 一级..四级, was '" + d.grade() + "'"));
        }
        if (d.widthM() == null || d.widthM() < 1 || d.widthM() > 100) {
            out.add(new Problem("widthM", "车行道宽度须在1至100米之间 width must be 1..100 m"));
        }
        String lineProblem = lineProblem(d.wkt());
        if (lineProblem != null) {
            out.add(new Problem("wkt", lineProblem));
        }
        return out;
    }

    /** The checked segment; call only when {@link #problems} is empty. */
    public Checked check(SegmentDraft d) {
        LineString line = parse(d.wkt());
        double length = frame.project(line).getLength();
        return new Checked(d, RoadGrade.parse(d.grade()), line, length, length * d.widthM());
    }

    private String lineProblem(String wkt) {
        if (blank(wkt)) {
            return "几何必填 geometry (WKT LINESTRING) required";
        }
        LineString line;
        try {
            line = parse(wkt);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Coordinate[] cs = line.getCoordinates();
        long distinct = java.util.Arrays.stream(cs).distinct().count();
        if (cs.length < 2 || distinct < 2) {
            return "线段至少需要两个不同的点 a segment needs at least two distinct points";
        }
        for (Coordinate c : cs) {
            if (Double.isNaN(c.x) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                return "坐标须为 WGS-84 经纬度 (经度 纬度) coordinates must be WGS-84 lon lat";
            }
        }
        if (!line.isSimple()) {
            return "线段自相交，无法按长度定位 the line crosses itself, positions along it are not unique";
        }
        if (frame.project(line).getLength() < 5) {
            return "线段短于5米 the segment is shorter than 5 m";
        }
        for (Coordinate c : new Coordinate[] {
            cs[0], cs[cs.length - 1], line.getInteriorPoint().getCoordinate()
        }) {
            if (!insideCity.test(c.y, c.x)) {
                return "线段不在本市范围内 the segment lies (partly) outside the city";
            }
        }
        return null;
    }

    static LineString parse(String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("几何不是合法的 WKT invalid WKT: " + e.getMessage());
        }
        if (!(g instanceof LineString l)) {
            throw new IllegalArgumentException(
                    "几何须为 LINESTRING geometry must be a LINESTRING, was " + g.getGeometryType());
        }
        return l;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
