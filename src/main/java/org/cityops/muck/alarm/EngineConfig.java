package org.cityops.muck.alarm;

import java.time.Clock;
import java.time.Duration;
import org.cityops.muck.engine.AlarmEngine;
import org.cityops.muck.engine.AlarmThresholds;
import org.cityops.muck.engine.LocalProjection;
import org.cityops.muck.engine.MuckWorld;
import org.cityops.platform.CityClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alarm engine and its thresholds ({@code cityops.muck.alarm.*}, defaults in code) and the projection centre
 * ({@code cityops.muck.projection.*}, 常州 by default).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfig {

    @Bean
    AlarmThresholds alarmThresholds(
            @Value("${cityops.muck.alarm.offline-after:PT10M}") Duration offlineAfter,
            @Value("${cityops.muck.alarm.deviation-after:PT2M}") Duration deviationAfter,
            @Value("${cityops.muck.alarm.speeding-after:PT15S}") Duration speedingAfter,
            @Value("${cityops.muck.alarm.speed-tolerance-kmh:0}") double tolerance,
            @Value("${cityops.muck.alarm.default-speed-limit-kmh:60}") Integer defaultLimit,
            @Value("${cityops.muck.alarm.long-stop-after:PT15M}") Duration longStop,
            @Value("${cityops.muck.alarm.stop-speed-kmh:3}") double stopSpeed,
            @Value("${cityops.muck.alarm.moving-speed-kmh:5}") double movingSpeed,
            @Value("${cityops.muck.alarm.evidence-size:10}") int evidence,
            @Value("${cityops.muck.alarm.lid-open-status-bit:-1}") int lidOpenBit) {
        return new AlarmThresholds(
                        offlineAfter,
                        deviationAfter,
                        speedingAfter,
                        tolerance,
                        defaultLimit == null || defaultLimit <= 0 ? null : defaultLimit,
                        longStop,
                        stopSpeed,
                        movingSpeed,
                        evidence,
                        null)
                .withLidOpenStatusBit(lidOpenBit);
    }

    @Bean
    AlarmEngine alarmEngine(
            AlarmThresholds thresholds,
            Clock clock,
            @Value("${cityops.muck.projection.lat0:31.78}") double lat0,
            @Value("${cityops.muck.projection.lon0:119.95}") double lon0) {
        return new AlarmEngine(
                MuckWorld.empty(new LocalProjection(lat0, lon0)), thresholds, CityClock.ZONE, clock.instant());
    }
}
