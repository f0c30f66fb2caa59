package org.cityops.muck.engine;

// Size: one file on purpose: one vehicle's alarm state machine, evaluated per position without Spring; the rules it
// calls live beside it

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.telemetry.Position;
import org.locationtech.jts.geom.Point;

/**
 * The construction-waste alarm engine (报警引擎): a state machine per vehicle, fed positions in time order, plus a
 * clock tick for offline detection. Pure domain: no Spring, no SQL; the caller persists {@link #snapshot} and the
 * events it returns, and {@link #restore}s after a restart. About 500 lines on purpose: every rule reads and
 * changes the same per-vehicle state in one pass, and the list below is easier to check against the code when the
 * rules sit together; each rule's test is in {@code AlarmEngineTests}.
 *
 * <p>Rules (thresholds in {@link AlarmThresholds}):
 * <ul>
 * <li>terminal alarm bits (emergency, power cut, antenna cut, tampering): open while the bit is set;</li>
 * <li>FORBIDDEN_ZONE: inside a no-go zone during its daily window;</li>
 * <li>SPEEDING: above the lowest limit of the speed zones covering the point (or the default) for a while;</li>
 * <li>NO_PERMIT: moving loaded without a permit valid today;</li>
 * <li>FORBIDDEN_TIME: moving loaded outside every valid permit's daily window;</li>
 * <li>ROUTE_DEVIATION: loaded, outside every valid permit's corridor (and its source and disposal fences) for a while;</li>
 * <li>ILLEGAL_UNLOADING: loaded → empty outside the approved disposal site (and outside any construction site), or
 * a long loaded stop outside site and disposal fences; closes when the vehicle moves on;</li>
 * <li>UNSEALED: moving loaded while the configured lid-sensor status bit says the body is open;</li>
 * <li>OFFLINE (tick): no report for a while although a permit is active now.</li>
 * </ul>
 * Positions older than (or as old as) the vehicle's last accepted one are ignored. Unknown terminals are ignored.
 */
public final class AlarmEngine {

    private final ZoneId zone;
    private final AlarmThresholds thresholds;
    private final Instant startedAt;
    private volatile MuckWorld world;
    private final Map<String, VehicleTracker> trackers = new HashMap<>();

    public AlarmEngine(MuckWorld world, AlarmThresholds thresholds, ZoneId zone, Instant startedAt) {
        this.world = world;
        this.thresholds = thresholds;
        this.zone = zone;
        this.startedAt = startedAt;
    }

    public void setWorld(MuckWorld world) {
        this.world = world;
    }

    public MuckWorld world() {
        return world;
    }

    public AlarmThresholds thresholds() {
        return thresholds;
    }

    public synchronized void restore(Collection<TrackerState> states) {
        for (TrackerState s : states) {
            trackers.put(s.terminal(), VehicleTracker.restore(s));
        }
    }

    public synchronized Optional<TrackerState> snapshot(String terminal) {
        VehicleTracker t = trackers.get(terminal);
        return t == null ? Optional.empty() : Optional.of(t.snapshot());
    }

    public synchronized List<TrackerState> snapshots() {
        List<TrackerState> all = new ArrayList<>(trackers.size());
        for (VehicleTracker t : trackers.values()) {
            all.add(t.snapshot());
        }
        return all;
    }

    /** Feeds one position; returns what happened. */
    public synchronized List<EngineEvent> accept(Position position, Instant receivedAt) {
        String terminal = Terminals.normalize(position.terminal());
        MuckWorld w = world;
        if (terminal == null || position.time() == null) {
            return List.of();
        }
        Optional<VehicleProfile> vehicle = w.vehicle(terminal);
        if (vehicle.isEmpty()) {
            return List.of();
        }
        VehicleTracker t = trackers.computeIfAbsent(terminal, VehicleTracker::new);
        if (t.lastTime != null && !position.time().isAfter(t.lastTime)) {
            return List.of(); // out of order or duplicate
        }
        List<EngineEvent> out = new ArrayList<>(2);
        Instant at = position.time();
        ZonedDateTime local = at.atZone(zone);
        Point pt = w.projection().point(position.lat(), position.lon());
        LoadState load = LoadState.fromStatus(position.statusBits());
        TrackPoint tp =
                new TrackPoint(at, position.lat(), position.lon(), position.speedKmh(), load, position.alarmBits());
        t.remember(tp, thresholds.evidenceSize());
        boolean moving = position.speedKmh() >= thresholds.movingSpeedKmh();
        List<PermitRule> valid = w.permitsValidOn(vehicle.get().id(), local.toLocalDate());

        close(t, AlarmType.OFFLINE, at, out);
        terminalBits(t, position, tp, out);
        forbiddenZone(t, w, pt, local, tp, out);
        speeding(t, w, pt, local, position, tp, out);
        permitRules(t, w, pt, local, load, moving, valid, tp, out);
        unloading(t, w, pt, load, moving, valid, position, tp, out);
        sealing(t, position, load, moving, tp, out);

        // the rest of the open alarms: still present, one more position seen
        for (Map.Entry<AlarmType, OpenAlarm> e : t.open.entrySet()) {
            if (!e.getValue().lastSeen().equals(at)) {
                e.setValue(e.getValue().seen(at, tp, thresholds.evidenceSize() * 2));
            }
        }
        t.lastTime = at;
        t.receivedAt = receivedAt;
        t.lat = position.lat();
        t.lon = position.lon();
        t.speed = position.speedKmh();
        t.direction = position.direction();
        t.load = load;
        return out;
    }

    /** The clock tick: OFFLINE for vehicles with an active permit and no report for {@code offlineAfter}. */
    public synchronized List<EngineEvent> tick(Instant now) {
        return tick(now, t -> true);
    }

    /** The tick for the vehicles whose terminals {@code mine} accepts (the others' positions go to another node). */
    public synchronized List<EngineEvent> tick(Instant now, java.util.function.Predicate<String> mine) {
        MuckWorld w = world;
        ZonedDateTime local = now.atZone(zone);
        List<EngineEvent> out = new ArrayList<>();
        for (VehicleProfile v : w.vehicles()) {
            if (!mine.test(v.terminal())) {
                continue;
            }
            VehicleTracker t = trackers.get(v.terminal());
            boolean active = w.permitActive(v.id(), local);
            Instant reference = t == null || t.receivedAt == null
                    ? startedAt
                    : (t.receivedAt.isAfter(startedAt) ? t.receivedAt : startedAt);
            boolean silent = Duration.between(reference, now).compareTo(thresholds.offlineAfter()) > 0;
            if (active && silent) {
                if (t == null) {
                    t = trackers.computeIfAbsent(v.terminal(), VehicleTracker::new);
                }
                if (!t.open.containsKey(AlarmType.OFFLINE)) {
                    double[] where = lastKnown(t, v, w, local);
                    String detail = t.seen() ? "最后上报 " + t.receivedAt : "从未上报";
                    open(t, AlarmType.OFFLINE, now, where[0], where[1], detail, null, null, out);
                }
            } else if (t != null && t.open.containsKey(AlarmType.OFFLINE)) {
                close(t, AlarmType.OFFLINE, now, out);
            }
        }
        return out;
    }

    private double[] lastKnown(VehicleTracker t, VehicleProfile v, MuckWorld w, ZonedDateTime local) {
        if (t.seen()) {
            return new double[] {t.lat, t.lon};
        }
        for (PermitRule p : w.permitsValidOn(v.id(), local.toLocalDate())) {
            Optional<Fence> site = w.site(p.siteId());
            if (site.isPresent()) {
                return w.projection().toDegrees(site.get().area().getCentroid().getCoordinate());
            }
        }
        return w.projection().toDegrees(new org.locationtech.jts.geom.Coordinate(0, 0));
    }

    private void terminalBits(VehicleTracker t, Position p, TrackPoint tp, List<EngineEvent> out) {
        for (AlarmType type : AlarmType.values()) {
            long mask = type.terminalMask();
            if (mask == 0) {
                continue;
            }
            if ((p.alarmBits() & mask) != 0) {
                if (!t.open.containsKey(type)) {
                    open(
                            t,
                            type,
                            p.time(),
                            p.lat(),
                            p.lon(),
                            "终端报警位 0x" + Long.toHexString(p.alarmBits() & mask),
                            null,
                            null,
                            out);
                }
            } else {
                close(t, type, p.time(), out);
            }
        }
    }

    private void forbiddenZone(
            VehicleTracker t, MuckWorld w, Point pt, ZonedDateTime local, TrackPoint tp, List<EngineEvent> out) {
        Fence hit = null;
        for (Fence f : w.fencesAt(pt, Fence.Kind.NO_GO)) {
            if (f.window().contains(local.toLocalTime())) {
                hit = f;
                break;
            }
        }
        if (hit != null) {
            if (!t.open.containsKey(AlarmType.FORBIDDEN_ZONE)) {
                open(
                        t,
                        AlarmType.FORBIDDEN_ZONE,
                        tp.t(),
                        tp.lat(),
                        tp.lon(),
                        "禁行区 " + hit.name() + " (" + hit.window() + ")",
                        "ZONE",
                        hit.id(),
                        out);
            }
        } else {
            close(t, AlarmType.FORBIDDEN_ZONE, tp.t(), out);
        }
    }

    private void speeding(
            VehicleTracker t,
            MuckWorld w,
            Point pt,
            ZonedDateTime local,
            Position p,
            TrackPoint tp,
            List<EngineEvent> out) {
        Integer limit = thresholds.defaultSpeedLimit();
        Fence zoneHit = null;
        for (Fence f : w.fencesAt(pt, Fence.Kind.SPEED)) {
            if (f.speedLimitKmh() != null
                    && f.window().contains(local.toLocalTime())
                    && (limit == null || zoneHit == null || f.speedLimitKmh() < limit)) {
                limit = f.speedLimitKmh();
                zoneHit = f;
            }
        }
        if (limit != null && p.speedKmh() > limit + thresholds.speedToleranceKmh()) {
            if (t.speedingSince == null) {
                t.speedingSince = p.time();
            }
            if (!t.open.containsKey(AlarmType.SPEEDING)
                    && Duration.between(t.speedingSince, p.time()).compareTo(thresholds.speedingAfter()) >= 0) {
                open(
                        t,
                        AlarmType.SPEEDING,
                        p.time(),
                        p.lat(),
                        p.lon(),
                        String.format(
                                java.util.Locale.ROOT,
                                "速度 %.0f km/h, 限速 %d km/h%s",
                                p.speedKmh(),
                                limit,
                                zoneHit == null ? "" : " (" + zoneHit.name() + ")"),
                        zoneHit == null ? null : "ZONE",
                        zoneHit == null ? null : zoneHit.id(),
                        out);
            }
        } else {
            t.speedingSince = null;
            close(t, AlarmType.SPEEDING, p.time(), out);
        }
    }

    private void permitRules(
            VehicleTracker t,
            MuckWorld w,
            Point pt,
            ZonedDateTime local,
            LoadState load,
            boolean moving,
            List<PermitRule> valid,
            TrackPoint tp,
            List<EngineEvent> out) {
        Instant at = tp.t();
        // NO_PERMIT: moving loaded without a permit valid today
        if (load.loaded() && moving && valid.isEmpty()) {
            if (!t.open.containsKey(AlarmType.NO_PERMIT)) {
                open(t, AlarmType.NO_PERMIT, at, tp.lat(), tp.lon(), "载货行驶, 无有效核准", null, null, out);
            }
        } else if (!load.loaded() || !valid.isEmpty()) {
            close(t, AlarmType.NO_PERMIT, at, out);
        }
        // FORBIDDEN_TIME: moving loaded outside every valid permit's window
        boolean inWindow = false;
        for (PermitRule p : valid) {
            inWindow |= p.window().contains(local.toLocalTime());
        }
        if (load.loaded() && moving && !valid.isEmpty() && !inWindow) {
            if (!t.open.containsKey(AlarmType.FORBIDDEN_TIME)) {
                open(
                        t,
                        AlarmType.FORBIDDEN_TIME,
                        at,
                        tp.lat(),
                        tp.lon(),
                        "核准时段 " + valid.get(0).window() + " 之外运输",
                        "PERMIT",
                        valid.get(0).id(),
                        out);
            }
        } else if (!load.loaded() || inWindow || valid.isEmpty()) {
            close(t, AlarmType.FORBIDDEN_TIME, at, out);
        }
        // ROUTE_DEVIATION: loaded, outside every corridor (source and disposal fences count as on the route)
        boolean hasCorridor = false;
        boolean onRoute = false;
        double distance = Double.MAX_VALUE;
        PermitRule nearest = null;
        for (PermitRule p : valid) {
            if (p.corridor() == null) {
                continue;
            }
            hasCorridor = true;
            if (p.corridor().covers(pt)
                    || w.site(p.siteId()).map(f -> f.contains(pt)).orElse(false)
                    || w.disposal(p.disposalSiteId()).map(f -> f.contains(pt)).orElse(false)) {
                onRoute = true;
                break;
            }
            double d = p.corridor().distance(pt);
            if (d < distance) {
                distance = d;
                nearest = p;
            }
        }
        if (load.loaded() && hasCorridor && !onRoute) {
            if (t.deviationSince == null) {
                t.deviationSince = at;
            }
            if (!t.open.containsKey(AlarmType.ROUTE_DEVIATION)
                    && Duration.between(t.deviationSince, at).compareTo(thresholds.deviationAfter()) >= 0) {
                open(
                        t,
                        AlarmType.ROUTE_DEVIATION,
                        at,
                        tp.lat(),
                        tp.lon(),
                        String.format(java.util.Locale.ROOT, "偏离核准路线走廊 %.0f m (核准 %s)", distance, nearest.permitNo()),
                        "PERMIT",
                        nearest.id(),
                        out);
            }
        } else {
            t.deviationSince = null;
            close(t, AlarmType.ROUTE_DEVIATION, at, out);
        }
    }

    private void unloading(
            VehicleTracker t,
            MuckWorld w,
            Point pt,
            LoadState load,
            boolean moving,
            List<PermitRule> valid,
            Position p,
            TrackPoint tp,
            List<EngineEvent> out) {
        Instant at = p.time();
        if (moving) {
            close(t, AlarmType.ILLEGAL_UNLOADING, at, out);
        }
        Optional<Fence> site = w.firstAt(pt, Fence.Kind.SITE);
        Optional<Fence> disposal = w.firstAt(pt, Fence.Kind.DISPOSAL);
        boolean wasLoaded = t.load.loaded();
        if (!wasLoaded && load.loaded()) {
            // 装车: a trip begins (normally inside a construction site)
            t.tripLoadedAt = at;
            t.tripSiteId = site.map(Fence::id).orElse(null);
            t.tripLoad = load;
        } else if (wasLoaded && load.loaded() && t.tripLoadedAt == null) {
            t.tripLoadedAt = at; // restored or first seen loaded: the trip's start is unknown, count from here
            t.tripLoad = load;
        } else if (wasLoaded && load.loaded() && t.tripLoad == LoadState.HALF && load == LoadState.FULL) {
            t.tripLoad = load;
        }
        if (wasLoaded && !load.loaded()) {
            // 卸车
            boolean approved = false;
            for (Fence d : w.fencesAt(pt, Fence.Kind.DISPOSAL)) {
                boolean ok = valid.isEmpty(); // no permit: NO_PERMIT says so; the disposal site itself is a legal one
                for (PermitRule r : valid) {
                    ok |= r.disposalSiteId() == d.id();
                }
                if (ok) {
                    approved = true;
                    disposal = Optional.of(d);
                    break;
                }
            }
            Instant loadedAt = t.tripLoadedAt == null ? at : t.tripLoadedAt;
            LoadState tripLoad = t.tripLoad == null ? LoadState.FULL : t.tripLoad;
            if (approved) {
                out.add(new EngineEvent.TripCompleted(
                        t.terminal, t.tripSiteId, disposal.get().id(), loadedAt, at, tripLoad));
            } else if (site.isEmpty()) {
                out.add(new EngineEvent.TripCompleted(t.terminal, t.tripSiteId, null, loadedAt, at, tripLoad));
                if (!t.open.containsKey(AlarmType.ILLEGAL_UNLOADING)) {
                    open(
                            t,
                            AlarmType.ILLEGAL_UNLOADING,
                            at,
                            p.lat(),
                            p.lon(),
                            disposal.isPresent() ? "在非核准消纳场 " + disposal.get().name() + " 卸载" : "在消纳场外卸载",
                            disposal.isPresent() ? "DISPOSAL" : null,
                            disposal.map(Fence::id).orElse(null),
                            out);
                }
            }
            t.tripLoadedAt = null;
            t.tripSiteId = null;
            t.tripLoad = null;
        }
        // long loaded stop outside every site and disposal fence
        if (load.loaded() && p.speedKmh() < thresholds.stopSpeedKmh() && site.isEmpty() && disposal.isEmpty()) {
            if (t.stoppedSince == null) {
                t.stoppedSince = at;
            }
            if (!t.open.containsKey(AlarmType.ILLEGAL_UNLOADING)
                    && Duration.between(t.stoppedSince, at).compareTo(thresholds.longStopAfter()) >= 0) {
                open(
                        t,
                        AlarmType.ILLEGAL_UNLOADING,
                        at,
                        p.lat(),
                        p.lon(),
                        "载货在消纳场外长时间停留 " + Duration.between(t.stoppedSince, at).toMinutes() + " 分钟",
                        null,
                        null,
                        out);
            }
        } else {
            t.stoppedSince = null;
        }
    }

    /** UNSEALED: moving loaded with the lid sensor's bit set; closes when the lid is shut or the body empty. */
    private void sealing(
            VehicleTracker t, Position p, LoadState load, boolean moving, TrackPoint tp, List<EngineEvent> out) {
        Integer bit = thresholds.lidOpenStatusBit();
        if (bit == null) {
            return;
        }
        boolean open = (p.statusBits() & (1L << bit)) != 0;
        if (open && load.loaded() && moving) {
            if (!t.open.containsKey(AlarmType.UNSEALED)) {
                open(
                        t,
                        AlarmType.UNSEALED,
                        tp.t(),
                        tp.lat(),
                        tp.lon(),
                        String.format(
                                java.util.Locale.ROOT,
                                "%s行驶 %.0f km/h, 密闭装置未关闭 (状态位 %d)",
                                load == LoadState.HALF ? "半载" : "重车",
                                p.speedKmh(),
                                bit),
                        null,
                        null,
                        out);
            }
        } else if (!open || !load.loaded()) {
            close(t, AlarmType.UNSEALED, tp.t(), out);
        }
    }

    private void open(
            VehicleTracker t,
            AlarmType type,
            Instant at,
            double lat,
            double lon,
            String detail,
            String refKind,
            Long refId,
            List<EngineEvent> out) {
        List<TrackPoint> evidence = List.copyOf(t.recentList());
        t.open.put(type, new OpenAlarm(type, at, at, lat, lon, detail, refKind, refId, evidence));
        out.add(new EngineEvent.AlarmOpened(t.terminal, type, at, lat, lon, detail, refKind, refId, evidence));
    }

    private void close(VehicleTracker t, AlarmType type, Instant at, List<EngineEvent> out) {
        OpenAlarm a = t.open.remove(type);
        if (a != null) {
            out.add(new EngineEvent.AlarmClosed(t.terminal, type, at, a.evidence()));
        }
    }
}
