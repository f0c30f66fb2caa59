package org.cityops.sanitation.coverage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The live coverage engine (作业覆盖引擎): positions of sanitation vehicles in, changed passes out. No Spring, no SQL;
 * one caller thread at a time.
 *
 * <p>For each vehicle, positions are taken in time order; one at or before the last one taken (a duplicate or a
 * late replay) is skipped, so replaying positions changes nothing. A position counts only while working: the
 * vehicle's work bit is on, and the matched segment has a plan whose time window contains the position's local
 * time and whose speed window contains its speed.
 *
 * <p>Matching: a position is matched to the segment that lies, on average over it and its {@code smoothing}
 * neighbours before and after, nearest (within the buffer, default 15 m), among segments whose direction agrees
 * with the vehicle's heading (± tolerance; both ways unless one-way). Averaging over neighbours keeps GPS noise of
 * σ 5–10 m from flipping a sweeper onto a parallel road 20 m away. Two consecutive matched positions cover the
 * stretch between their along-track positions on the segment (JTS {@code LengthIndexedLine}; each position's
 * projection averaged with its neighbours', see {@code along}); across a turn between two segments that meet, each
 * is covered up to (from) the junction, so the corner is not lost.
 *
 * <p>A pass is one vehicle's run along one segment in one direction; it closes when the vehicle turns back along
 * it, or has not touched it for {@code passGap}.
 *
 * <p>Over 400 lines on purpose: matching, smoothing, interval covering and pass closing share one per-vehicle state
 * (the window of recent positions and the open passes) and are tuned together against {@code CoverageAccuracyTests};
 * split, they would pass that state back and forth.
 */
public final class CoverageEngine {

    /**
     * @param bufferM       how far from a segment a position may lie (default 15 m)
     * @param headingTolDeg heading tolerance (default 35°)
     * @param maxGap        positions further apart in time start a new run; within a run, matched positions up to
     *                      this far apart (with unmatched strays between them) cover the stretch between them
     * @param passGap       a pass closes when its vehicle has not been on the segment for this long
     * @param smoothing     neighbours on each side a match is averaged over
     */
    public record Settings(double bufferM, double headingTolDeg, Duration maxGap, Duration passGap, int smoothing) {
        public static Settings defaults() {
            return new Settings(15, 35, Duration.ofSeconds(60), Duration.ofMinutes(3), 3);
        }
    }

    /** How much nearer (metres, averaged) another segment must be before a vehicle is moved off its current one. */
    static final double STAY_BONUS_M = 4;
    /** Segments whose lines come this close (metres) meet at a junction: a turn between them covers both. */
    static final double JOIN_M = 5;

    private final Settings settings;
    private final ZoneId zone;
    private SegmentNetwork network = SegmentNetwork.empty();
    private Map<String, VehicleRule> vehicles = Map.of();
    private final Map<String, Track> tracks = new HashMap<>();
    private long duplicates;

    public CoverageEngine(Settings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /** Swaps in a new network and vehicle list (tracks and open passes of vehicles still known are kept). */
    public void reload(SegmentNetwork network, Map<String, VehicleRule> vehicles) {
        this.network = network;
        this.vehicles = Map.copyOf(vehicles);
        tracks.keySet().retainAll(this.vehicles.keySet());
    }

    public SegmentNetwork network() {
        return network;
    }

    public boolean knows(String terminal) {
        return vehicles.containsKey(terminal);
    }

    /** Positions skipped as duplicates or late replays so far. */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Takes a batch (any order, any vehicles; positions of unknown terminals are ignored) and returns the passes it
     * changed, each once, in its latest state.
     */
    public List<PassUpdate> accept(List<Sample> batch, Instant arrival) {
        List<Sample> sorted = new ArrayList<>(batch.size());
        for (Sample s : batch) {
            if (vehicles.containsKey(s.terminal())) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparing(Sample::terminal).thenComparing(Sample::time));
        Map<String, PassUpdate> changed = new LinkedHashMap<>();
        for (Sample s : sorted) {
            Track t = tracks.computeIfAbsent(s.terminal(), k -> new Track(vehicles.get(k)));
            t.lastArrival = arrival;
            t.take(s, changed);
        }
        return List.copyOf(changed.values());
    }

    /**
     * Decides the positions still waiting for neighbours and closes the passes of vehicles that sent nothing for
     * {@code passGap} (by arrival time), so a pass ends although no later position comes.
     */
    public List<PassUpdate> closeIdle(Instant now) {
        Map<String, PassUpdate> changed = new LinkedHashMap<>();
        for (Track t : tracks.values()) {
            if (t.lastArrival != null && t.lastArrival.plus(settings.passGap()).isBefore(now)) {
                t.flushWindow(changed);
                t.endRun(changed);
                t.closeAll(changed);
            }
        }
        return List.copyOf(changed.values());
    }

    /** Decides every waiting position and closes every pass (end of a replay, a test, a shutdown). */
    public List<PassUpdate> closeAll() {
        Map<String, PassUpdate> changed = new LinkedHashMap<>();
        for (Track t : tracks.values()) {
            t.flushWindow(changed);
            t.endRun(changed);
            t.closeAll(changed);
        }
        return List.copyOf(changed.values());
    }

    private record Obs(Sample sample, Coordinate xy) {}

    private record Matched(Obs obs, RoadSegment segment, double m) {}

    private static final class Pass {
        final long segmentId;
        final Instant start;
        Instant end;
        int direction; // +1 along the line, -1 against, 0 not yet known
        final Intervals covered = new Intervals();

        Pass(long segmentId, Instant start) {
            this.segmentId = segmentId;
            this.start = start;
            this.end = start;
        }
    }

    private final class Track {
        final VehicleRule rule;
        Instant lastTime;
        Instant lastArrival;
        final List<Obs> window = new ArrayList<>();
        int undecided;
        Matched previous;
        /** a matched position on a road that does not meet the previous one, waiting for the next position */
        Matched excursion;
        /** the next link starts a run (no matched position before it since the brush went on or a gap) */
        boolean runStart = true;
        /** metres along the segment between the last two linked positions (signed), 0 if not on one segment */
        double lastStep;
        /** time between the last two positions taken */
        Duration lastInterval = Duration.ZERO;

        final Map<Long, Pass> open = new HashMap<>();

        Track(VehicleRule rule) {
            this.rule = rule;
        }

        void take(Sample s, Map<String, PassUpdate> changed) {
            if (lastTime != null && !s.time().isAfter(lastTime)) {
                duplicates++;
                return;
            }
            boolean gap =
                    lastTime != null && Duration.between(lastTime, s.time()).compareTo(settings.maxGap()) > 0;
            if (lastTime != null && !gap) {
                lastInterval = Duration.between(lastTime, s.time());
            }
            lastTime = s.time();
            closeStale(s.time(), changed);
            if (gap || !rule.working(s.statusBits())) {
                flushWindow(changed);
                endRun(changed);
                if (!rule.working(s.statusBits())) {
                    return;
                }
            }
            window.add(new Obs(s, frame.toMetres(s.lat(), s.lon())));
            undecided++;
            int k = settings.smoothing();
            // a run's first positions wait until 2k + 1 are known, so they are judged on as many as the others
            while (undecided > k && window.size() > 2 * k) {
                decideNext(changed);
            }
            while (window.size() - undecided > 2 * k) {
                window.remove(0);
            }
        }

        void flushWindow(Map<String, PassUpdate> changed) {
            while (undecided > 0) {
                decideNext(changed);
            }
            window.clear();
        }

        void decideNext(Map<String, PassUpdate> changed) {
            int i = window.size() - undecided;
            undecided--;
            Obs o = window.get(i);
            // 2k + 1 neighbours centred on the position, shifted inwards at the start and the end of a run
            int k = settings.smoothing();
            int from = Math.max(0, Math.min(i - k, window.size() - 1 - 2 * k));
            int to = Math.min(window.size() - 1, from + 2 * k);
            Matched m = match(o, window.subList(from, to + 1));
            if (m == null) {
                return; // a stray position: the next matched one may still link to the previous (bridge)
            }
            if (previous != null && !withinGap(previous, m)) {
                endRun(changed);
            }
            if (excursion != null) {
                Matched away = excursion;
                excursion = null;
                if (m.segment() != previous.segment()) {
                    // it really moved to the other road: nothing covered between the two roads
                    lastStep = 0;
                    previous = away;
                    runStart = true;
                }
                // else: one position on a road that does not meet this one and back again is noise: bridged
            } else if (previous != null
                    && m.segment() != previous.segment()
                    && !meet(previous.segment(), m.segment())) {
                excursion = m; // decided by the next position: back on this road (noise) or staying there (moved)
                return;
            }
            if (previous != null) {
                cover(previous, m, changed);
            }
            previous = m;
        }

        boolean withinGap(Matched a, Matched b) {
            return Duration.between(a.obs().sample().time(), b.obs().sample().time())
                            .compareTo(settings.maxGap())
                    <= 0;
        }

        Matched match(Obs o, List<Obs> neighbours) {
            double buffer = settings.bufferM();
            LocalTime local = o.sample().time().atZone(zone).toLocalTime();
            RoadSegment best = null;
            double bestScore = Double.MAX_VALUE;
            for (RoadSegment seg : network.near(o.xy(), 2 * buffer)) {
                double own = seg.distance(o.xy());
                if (own > 2 * buffer || !planned(seg, local, o.sample().speedKmh())) {
                    continue;
                }
                double m = seg.project(o.xy());
                if (!headingAgrees(seg, m, o.sample())) {
                    continue;
                }
                double sum = 0;
                for (Obs n : neighbours) {
                    sum += Math.min(3 * buffer, seg.distance(n.xy()));
                }
                double score = sum / neighbours.size();
                // within the buffer, or a noisy outlier whose neighbours lie within it
                if (own > buffer && score > buffer) {
                    continue;
                }
                if (previous != null && previous.segment() == seg) {
                    score -= STAY_BONUS_M; // hysteresis: leave the current segment only for a clearly better one
                }
                if (score < bestScore) {
                    bestScore = score;
                    best = seg;
                }
            }
            return best == null ? null : new Matched(o, best, along(o, best, neighbours));
        }

        /**
         * Where along {@code seg} the vehicle was at {@code o}: the position's own projection averaged with those of
         * its neighbours on the same road in the same direction, each moved back by the distance driven between
         * them (mean reported speed × time). One projection carries the full GPS noise along the road (σ 10 m);
         * the average of up to seven carries about a third of it, which is what keeps the ends of a run (where the
         * union of stretches ends) within a few metres.
         */
        double along(Obs o, RoadSegment seg, List<Obs> neighbours) {
            double own = seg.projectExtended(o.xy());
            int dir = travelSign(seg, own, o.sample());
            if (dir == 0) {
                return clamp(seg, own);
            }
            double sum = 0;
            int n = 0;
            for (Obs nb : neighbours) {
                double seconds =
                        Duration.between(o.sample().time(), nb.sample().time()).toMillis() / 1000.0;
                if (Math.abs(seconds) > settings.maxGap().toSeconds() || seg.distance(nb.xy()) > settings.bufferM()) {
                    continue;
                }
                double mj = seg.projectExtended(nb.xy());
                if (travelSign(seg, clamp(seg, mj), nb.sample()) != dir) {
                    continue;
                }
                double metresPerSecond = (o.sample().speedKmh() + nb.sample().speedKmh()) / 2 / 3.6;
                sum += mj - dir * metresPerSecond * seconds;
                n++;
            }
            return clamp(seg, n == 0 ? own : sum / n);
        }

        /** +1 driving along the line's direction, −1 against it, 0 standing (no meaningful heading). */
        int travelSign(RoadSegment seg, double m, Sample s) {
            if (s.speedKmh() < 1) {
                return 0;
            }
            double diff = Math.abs(seg.bearingAt(m) - s.heading()) % 360;
            if (diff > 180) {
                diff = 360 - diff;
            }
            return diff <= 90 ? 1 : -1;
        }

        boolean planned(RoadSegment seg, LocalTime local, double speed) {
            for (PlanRule p : network.plans(seg.id())) {
                if (p.counts(local, speed)) {
                    return true;
                }
            }
            return false;
        }

        boolean headingAgrees(RoadSegment seg, double m, Sample s) {
            if (s.speedKmh() < 1) {
                return true; // a heading at a standstill means nothing
            }
            double diff = Math.abs(seg.bearingAt(m) - s.heading()) % 360;
            if (diff > 180) {
                diff = 360 - diff;
            }
            double tol = settings.headingTolDeg();
            return diff <= tol || (!seg.oneWay() && 180 - diff <= tol);
        }

        void cover(Matched a, Matched b, Map<String, PassUpdate> changed) {
            Instant ta = a.obs().sample().time();
            Instant tb = b.obs().sample().time();
            if (a.segment() == b.segment()) {
                double ma = a.m();
                if (runStart) {
                    // the first position of a run stands for half a reporting interval before it as well
                    double half = halfStep(a.obs().sample(), Duration.between(ta, tb));
                    ma = clamp(a.segment(), a.m() - Math.signum(b.m() - a.m()) * half);
                }
                add(a.segment(), ma, b.m(), ta, tb, changed);
                lastStep = b.m() - a.m();
                runStart = false;
                return;
            }
            runStart = false;
            lastStep = 0;
            RoadSegment sa = a.segment();
            RoadSegment sb = b.segment();
            if (!meet(sa, sb)) {
                return; // not a turn at a junction (e.g. a jump to a parallel road): neither gets the stretch
            }
            // the vehicle went through the junction: each road is covered up to (from) the point where they meet
            Coordinate[] junction = DistanceOp.nearestPoints(sa.line(), sb.line());
            add(sa, a.m(), sa.project(junction[0]), ta, tb, changed);
            add(sb, sb.project(junction[1]), b.m(), ta, tb, changed);
        }

        boolean meet(RoadSegment a, RoadSegment b) {
            return a.line().distance(b.line()) <= JOIN_M;
        }

        /** The last position of a run stands for half a step after it as well. */
        void endRun(Map<String, PassUpdate> changed) {
            if (excursion != null) {
                previous = excursion; // the run ended on the other road: it was no excursion, but covers nothing
                excursion = null;
                lastStep = 0;
            }
            if (previous != null && lastStep != 0) {
                double half = halfStep(previous.obs().sample(), lastInterval);
                RoadSegment seg = previous.segment();
                Instant t = previous.obs().sample().time();
                add(seg, previous.m(), clamp(seg, previous.m() + Math.signum(lastStep) * half), t, t, changed);
            }
            previous = null;
            runStart = true;
            lastStep = 0;
        }

        /** How far the vehicle drives in half a reporting interval (at most the buffer). */
        double halfStep(Sample s, Duration interval) {
            return Math.min(settings.bufferM(), s.speedKmh() / 3.6 * interval.toMillis() / 2000.0);
        }

        double clamp(RoadSegment seg, double m) {
            return Math.max(0, Math.min(seg.length(), m));
        }

        void add(RoadSegment seg, double ma, double mb, Instant ta, Instant tb, Map<String, PassUpdate> changed) {
            int dir = Math.abs(mb - ma) < 1 ? 0 : (mb > ma ? 1 : -1);
            Pass p = open.get(seg.id());
            if (p != null && (dir != 0 && p.direction != 0 && dir != p.direction)) {
                close(p, changed);
                p = null;
            }
            if (p == null) {
                p = new Pass(seg.id(), ta);
                open.put(seg.id(), p);
            }
            if (p.direction == 0) {
                p.direction = dir;
            }
            if (tb.isAfter(p.end)) {
                p.end = tb;
            }
            p.covered.add(Interval.between(ma, mb));
            changed.put(key(p), update(p, false));
        }

        void closeStale(Instant now, Map<String, PassUpdate> changed) {
            Iterator<Pass> it = open.values().iterator();
            while (it.hasNext()) {
                Pass p = it.next();
                if (p.end.plus(settings.passGap()).isBefore(now)) {
                    it.remove();
                    changed.put(key(p), update(p, true));
                }
            }
        }

        void closeAll(Map<String, PassUpdate> changed) {
            for (Pass p : open.values()) {
                changed.put(key(p), update(p, true));
            }
            open.clear();
            previous = null;
        }

        void close(Pass p, Map<String, PassUpdate> changed) {
            open.remove(p.segmentId);
            changed.put(key(p), update(p, true));
        }

        String key(Pass p) {
            return rule.terminal() + "|" + p.segmentId + "|" + p.start.getEpochSecond();
        }

        PassUpdate update(Pass p, boolean closed) {
            RoadSegment seg = network.segment(p.segmentId);
            double length = seg == null ? Math.max(1, p.covered.length()) : seg.length();
            return new PassUpdate(
                    rule.terminal(),
                    rule.plate(),
                    p.segmentId,
                    p.start,
                    p.end,
                    new Intervals(p.covered.parts()),
                    length,
                    closed);
        }
    }

    private LocalFrame frame = LocalFrame.changzhou();

    /** The frame the segments were projected in (the same one must project the positions). */
    public void frame(LocalFrame frame) {
        this.frame = frame;
    }
}
