package org.cityops.muck.engine;

import java.time.Instant;
import java.util.List;

/**
 * Everything the engine remembers of one vehicle, as plain data so it can be stored and restored across restarts:
 * the last accepted position, the timers of pending conditions, the trip in progress and the open alarms.
 */
public record TrackerState(
        String terminal,
        Instant lastTime,
        Instant receivedAt,
        double lat,
        double lon,
        double speed,
        int direction,
        LoadState load,
        Instant deviationSince,
        Instant speedingSince,
        Instant stoppedSince,
        Long tripSiteId,
        Instant tripLoadedAt,
        LoadState tripLoad,
        List<TrackPoint> recent,
        List<OpenAlarm> open) {}
