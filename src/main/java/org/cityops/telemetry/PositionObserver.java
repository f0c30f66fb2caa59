package org.cityops.telemetry;

import java.util.List;

/**
 * Receives every batch of positions after it is durable, on the gateway's persistence thread (keep it fast;
 * hand heavy work off). Implemented by modules that watch vehicles, e.g. the muck alarm engine.
 */
public interface PositionObserver {

    void onPositions(List<Position> batch);
}
