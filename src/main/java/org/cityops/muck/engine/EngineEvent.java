package org.cityops.muck.engine;

import java.time.Instant;
import java.util.List;

/** What the engine tells its caller after a position or a clock tick. */
public interface EngineEvent {

    String terminal();

    /** An alarm condition began (deduplicated: one open alarm per vehicle and type). */
    record AlarmOpened(
            String terminal,
            AlarmType type,
            Instant at,
            double lat,
            double lon,
            String detail,
            String refKind,
            Long refId,
            List<TrackPoint> evidence)
            implements EngineEvent {}

    /** The condition ended. */
    record AlarmClosed(String terminal, AlarmType type, Instant at, List<TrackPoint> evidence) implements EngineEvent {}

    /**
     * A loaded trip ended with the vehicle empty: in an approved disposal site, or elsewhere ({@code disposalSiteId}
     * null, an illegal unloading).
     */
    record TripCompleted(
            String terminal, Long siteId, Long disposalSiteId, Instant loadedAt, Instant unloadedAt, LoadState load)
            implements EngineEvent {}
}
