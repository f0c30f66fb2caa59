package org.cityops.telemetry;

import java.time.Instant;

/**
 * One location report of a vehicle terminal (JT/T 808 0x0200 or forwarded over HTTP), WGS-84.
 *
 * @param terminal  terminal phone number without leading zeros
 * @param alarmBits JT/T 808 alarm flags (报警标志)
 * @param statusBits JT/T 808 status flags (状态); bits 8-9 carry the load state (空车/半载/满载)
 * @param mileageKm odometer (0x01 extra item), or null
 */
public record Position(
        String terminal,
        Instant time,
        double lat,
        double lon,
        double speedKmh,
        int direction,
        long alarmBits,
        long statusBits,
        Double mileageKm,
        Integer altitudeM) {}
