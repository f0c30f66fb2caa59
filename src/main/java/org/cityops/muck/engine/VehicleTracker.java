package org.cityops.muck.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The per-vehicle state machine of the engine; not thread-safe (the engine serialises access). */
final class VehicleTracker {

    final String terminal;
    Instant lastTime;
    Instant receivedAt;
    double lat;
    double lon;
    double speed;
    int direction;
    LoadState load = LoadState.EMPTY;
    Instant deviationSince;
    Instant speedingSince;
    Instant stoppedSince;
    Long tripSiteId;
    Instant tripLoadedAt;
    LoadState tripLoad;
    final Deque<TrackPoint> recent = new ArrayDeque<>();
    final Map<AlarmType, OpenAlarm> open = new EnumMap<>(AlarmType.class);

    VehicleTracker(String terminal) {
        this.terminal = terminal;
    }

    boolean seen() {
        return lastTime != null;
    }

    void remember(TrackPoint p, int size) {
        recent.addLast(p);
        while (recent.size() > size) {
            recent.removeFirst();
        }
    }

    TrackerState snapshot() {
        return new TrackerState(
                terminal,
                lastTime,
                receivedAt,
                lat,
                lon,
                speed,
                direction,
                load,
                deviationSince,
                speedingSince,
                stoppedSince,
                tripSiteId,
                tripLoadedAt,
                tripLoad,
                List.copyOf(recent),
                List.copyOf(open.values()));
    }

    static VehicleTracker restore(TrackerState s) {
        VehicleTracker t = new VehicleTracker(s.terminal());
        t.lastTime = s.lastTime();
        t.receivedAt = s.receivedAt();
        t.lat = s.lat();
        t.lon = s.lon();
        t.speed = s.speed();
        t.direction = s.direction();
        t.load = s.load() == null ? LoadState.EMPTY : s.load();
        t.deviationSince = s.deviationSince();
        t.speedingSince = s.speedingSince();
        t.stoppedSince = s.stoppedSince();
        t.tripSiteId = s.tripSiteId();
        t.tripLoadedAt = s.tripLoadedAt();
        t.tripLoad = s.tripLoad();
        if (s.recent() != null) {
            t.recent.addAll(s.recent());
        }
        if (s.open() != null) {
            for (OpenAlarm a : s.open()) {
                t.open.put(a.type(), a);
            }
        }
        return t;
    }

    List<TrackPoint> recentList() {
        return new ArrayList<>(recent);
    }
}
