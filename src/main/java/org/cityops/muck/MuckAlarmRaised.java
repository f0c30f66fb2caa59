package org.cityops.muck;

import java.time.Instant;

/**
 * A muck-truck alarm was raised (报警产生), published in the transaction that stores it (for notifications: the
 * supervisors of the district are told of the chosen types).
 *
 * @param alarmId      the alarm's id (stable: a replay of the same alarm has the same id)
 * @param type         the alarm type's code (e.g. {@code UNSEALED}, {@code FORBIDDEN_ZONE}, {@code ROUTE_DEVIATION})
 * @param typeLabel    its Chinese name (未密闭运输, 闯入禁行区 …)
 * @param plate        the vehicle's plate, or null for a terminal not in the registry
 * @param districtCode the district where it happened (else the vehicle's district), or null
 * @param lat          where
 * @param lon          where
 * @param at           when the engine saw it
 */
public record MuckAlarmRaised(
        long alarmId,
        String type,
        String typeLabel,
        String plate,
        String districtCode,
        double lat,
        double lon,
        Instant at) {}
