package org.cityops.muck.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An alarm condition that persists (one per vehicle and type), with the positions around its start. */
public record OpenAlarm(
        AlarmType type,
        Instant startedAt,
        Instant lastSeen,
        double lat,
        double lon,
        String detail,
        String refKind,
        Long refId,
        List<TrackPoint> evidence) {

    OpenAlarm seen(Instant at, TrackPoint p, int maxEvidence) {
        List<TrackPoint> ev = evidence;
        if (p != null && evidence.size() < maxEvidence) {
            ev = new ArrayList<>(evidence);
            ev.add(p);
        }
        return new OpenAlarm(type, startedAt, at, lat, lon, detail, refKind, refId, List.copyOf(ev));
    }
}
