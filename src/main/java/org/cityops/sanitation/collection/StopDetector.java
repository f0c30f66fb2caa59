package org.cityops.sanitation.collection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.sanitation.coverage.LocalFrame;
import org.locationtech.jts.geom.Coordinate;

/**
 * Finds visits of collection vehicles (垃圾收运车) at collection points from their positions: a stop of at least
 * {@code minStop} within {@code radiusM} of a point is a visit. No Spring, no SQL; one caller thread at a time.
 *
 * <p>Per vehicle, positions are taken in time order; one at or before the last one taken (a duplicate or a late
 * replay) is skipped. A stay at a point begins with the first position within the radius (the nearest point if
 * several) and lasts while the positions stay within it; one position outside (GPS noise) does not end it, two in a
 * row or a gap of more than {@code maxGap} without positions do. When a stay has lasted {@code minStop}, the visit
 * is reported (open); when it ends, the visit is reported again with its departure (closed). A visit is keyed by
 * vehicle, point and arrival, so a store that overwrites by key sees a replay as the same visit.
 */
public final class StopDetector {

    /**
     * @param minStop a stay this long counts as a visit (N seconds)
     * @param radiusM within this many metres of the point (R metres)
     * @param maxGap  no position for this long ends a stay
     */
    public record Settings(Duration minStop, double radiusM, Duration maxGap) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), 30, Duration.ofMinutes(5));
        }
    }

    /** A collection point (WGS-84). */
    public record Spot(long pointId, double lat, double lon) {}

    /** One position of a collection vehicle (WGS-84). */
    public record Fix(String terminal, Instant time, double lat, double lon) {}

    /** A stop at a point: {@code leftAt} is the last position within the radius so far; {@code closed} once it ended. */
    public record Visit(String terminal, long pointId, Instant arrivedAt, Instant leftAt, boolean closed) {
        public String key() {
            return terminal + "|" + pointId + "|" + arrivedAt.getEpochSecond();
        }

        public Duration dwell() {
            return Duration.between(arrivedAt, leftAt);
        }
    }

    private record Located(long pointId, Coordinate xy) {}

    private final Settings settings;
    private final LocalFrame frame;
    private List<Located> points = List.of();
    private final Map<String, Stay> stays = new HashMap<>();

    public StopDetector(Settings settings, LocalFrame frame) {
        if (settings.minStop().isNegative() || settings.radiusM() <= 0) {
            throw new IllegalArgumentException("minStop must be >= 0 and radius > 0");
        }
        this.settings = settings;
        this.frame = frame;
    }

    /** Swaps in the points (stays at points that still exist are kept). */
    public void points(List<Spot> spots) {
        List<Located> located = new ArrayList<>(spots.size());
        for (Spot s : spots) {
            located.add(new Located(s.pointId(), frame.toMetres(s.lat(), s.lon())));
        }
        this.points = List.copyOf(located);
    }

    private static final class Stay {
        Instant lastTime;
        Long pointId;
        Instant arrived;
        Instant lastInside;
        int outside;
        boolean reported;
    }

    /** Takes positions (any order, any vehicles) and returns the visits they opened or closed, in time order. */
    public List<Visit> accept(List<Fix> fixes) {
        List<Fix> sorted = new ArrayList<>(fixes);
        sorted.sort(Comparator.comparing(Fix::terminal).thenComparing(Fix::time));
        List<Visit> out = new ArrayList<>();
        for (Fix f : sorted) {
            Stay s = stays.computeIfAbsent(f.terminal(), k -> new Stay());
            if (s.lastTime != null && !f.time().isAfter(s.lastTime)) {
                continue; // duplicate or late replay
            }
            if (s.lastTime != null && Duration.between(s.lastTime, f.time()).compareTo(settings.maxGap()) > 0) {
                end(f.terminal(), s, out);
            }
            s.lastTime = f.time();
            Long at = nearest(frame.toMetres(f.lat(), f.lon()));
            if (s.pointId != null && s.pointId.equals(at)) {
                s.outside = 0;
                s.lastInside = f.time();
            } else if (s.pointId != null && s.outside == 0 && at == null) {
                s.outside = 1; // one stray position: the stay goes on unless the next is outside too
                continue;
            } else {
                end(f.terminal(), s, out);
                if (at != null) {
                    s.pointId = at;
                    s.arrived = f.time();
                    s.lastInside = f.time();
                }
            }
            if (s.pointId != null
                    && !s.reported
                    && Duration.between(s.arrived, s.lastInside).compareTo(settings.minStop()) >= 0) {
                s.reported = true;
                out.add(new Visit(f.terminal(), s.pointId, s.arrived, s.lastInside, false));
            }
        }
        return out;
    }

    /** Ends the stays of vehicles that sent nothing for {@code maxGap} (a vehicle switched off at a point). */
    public List<Visit> closeIdle(Instant now) {
        List<Visit> out = new ArrayList<>();
        stays.forEach((terminal, s) -> {
            if (s.lastTime != null && Duration.between(s.lastTime, now).compareTo(settings.maxGap()) > 0) {
                end(terminal, s, out);
            }
        });
        return out;
    }

    private void end(String terminal, Stay s, List<Visit> out) {
        if (s.pointId != null && s.reported) {
            out.add(new Visit(terminal, s.pointId, s.arrived, s.lastInside, true));
        }
        s.pointId = null;
        s.arrived = null;
        s.lastInside = null;
        s.outside = 0;
        s.reported = false;
    }

    private Long nearest(Coordinate xy) {
        Long best = null;
        double bestD = settings.radiusM();
        for (Located p : points) {
            double d = p.xy().distance(xy);
            if (d <= bestD) {
                bestD = d;
                best = p.pointId();
            }
        }
        return best;
    }
}
