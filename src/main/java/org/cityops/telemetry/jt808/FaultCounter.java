package org.cityops.telemetry.jt808;

/** Where the protocol code reports faults (Micrometer in the application, a map in tests). */
@FunctionalInterface
public interface FaultCounter {

    FaultCounter NONE = fault -> {};

    void count(Fault fault);
}
