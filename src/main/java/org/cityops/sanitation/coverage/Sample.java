package org.cityops.sanitation.coverage;

import java.time.Instant;

/**
 * One position of a sanitation vehicle as the coverage engine needs it (WGS-84; heading in degrees clockwise from
 * north; the JT/T 808 status bits, one of which says the brush or spray is on).
 */
public record Sample(
        String terminal, Instant time, double lat, double lon, double speedKmh, int heading, long statusBits) {}
