package org.cityops.sanitation.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Tracks with known truth for the coverage engine: a small street network in the local frame (metres), and
 * vehicles driving legs along its segments with the brush on or off, sampled every few seconds with Gaussian GPS
 * noise. The truth is what each working leg really drove.
 */
final class SyntheticSweeps {

    static final GeometryFactory GF = new GeometryFactory();
    static final int WORK_BIT = 20;
    static final long WORKING = 0b11L | 1L << WORK_BIT;
    static final long NOT_WORKING = 0b11L;

    final LocalFrame frame = LocalFrame.changzhou();
    final Map<Long, LineString> lines = new HashMap<>();
    final Map<Long, Intervals> truth = new HashMap<>();

    long add(long id, double x1, double y1, double x2, double y2) {
        lines.put(id, GF.createLineString(new Coordinate[] {new Coordinate(x1, y1), new Coordinate(x2, y2)}));
        truth.put(id, new Intervals());
        return id;
    }

    SegmentNetwork network(PlanRule plan) {
        List<RoadSegment> segs = new ArrayList<>();
        Map<Long, List<PlanRule>> plans = new HashMap<>();
        lines.forEach((id, l) -> {
            segs.add(new RoadSegment(id, l, false));
            plans.put(id, List.of(plan));
        });
        return new SegmentNetwork(segs, plans);
    }

    /** One stretch of a drive: along segment {@code id} from {@code fromM} to {@code toM} metres. */
    record Leg(long id, double fromM, double toM, boolean working, double speedKmh) {}

    /**
     * Drives the legs in order (each starts where the last ended), reporting every {@code every} with noise
     * {@code sigma} metres on each axis and heading noise of 5°; records the working legs as truth.
     */
    List<Sample> drive(String terminal, Instant start, Duration every, double sigma, long seed, List<Leg> legs) {
        Random rnd = new Random(seed);
        List<Sample> out = new ArrayList<>();
        Instant t = start;
        double carrySeconds = 0; // time already spent towards the next report
        for (Leg leg : legs) {
            LineString line = lines.get(leg.id());
            LengthIndexedLine li = new LengthIndexedLine(line);
            if (leg.working()) {
                truth.get(leg.id()).add(Interval.between(leg.fromM(), leg.toM()));
            }
            double len = Math.abs(leg.toM() - leg.fromM());
            double dir = Math.signum(leg.toM() - leg.fromM());
            double step = leg.speedKmh() / 3.6 * every.toSeconds();
            Coordinate a = li.extractPoint(leg.fromM());
            Coordinate b = li.extractPoint(leg.toM());
            double heading = Math.toDegrees(Math.atan2(b.x - a.x, b.y - a.y));
            double speedMs = leg.speedKmh() / 3.6;
            for (double d = carrySeconds * speedMs; d < len; d += step) {
                Coordinate p = li.extractPoint(leg.fromM() + dir * d);
                double x = p.x + rnd.nextGaussian() * sigma;
                double y = p.y + rnd.nextGaussian() * sigma;
                double[] ll = frame.toDegrees(x, y);
                int h = (int) Math.round(((heading + rnd.nextGaussian() * 5) % 360 + 360) % 360);
                double speed = Math.max(0, leg.speedKmh() + rnd.nextGaussian());
                out.add(new Sample(terminal, t, ll[0], ll[1], speed, h, leg.working() ? WORKING : NOT_WORKING));
                t = t.plus(every);
                carrySeconds = (d + step - len) / speedMs;
            }
        }
        return out;
    }
}
