package org.cityops.muck.engine;

import java.time.Instant;

/** One position kept as evidence (证据轨迹点). */
public record TrackPoint(Instant t, double lat, double lon, double speed, LoadState load, long alarmBits) {}
