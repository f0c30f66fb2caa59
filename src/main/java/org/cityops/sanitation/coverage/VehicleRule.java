package org.cityops.sanitation.coverage;

/**
 * A registered sanitation vehicle: its plate and which JT/T 808 status bit says it is working (扫刷/喷水开启), set
 * per vehicle model.
 */
public record VehicleRule(String terminal, String plate, int workBit) {

    public VehicleRule {
        if (workBit < 0 || workBit > 31) {
            throw new IllegalArgumentException("work bit must be 0..31, was " + workBit);
        }
    }

    public boolean working(long statusBits) {
        return (statusBits >>> workBit & 1L) == 1L;
    }
}
