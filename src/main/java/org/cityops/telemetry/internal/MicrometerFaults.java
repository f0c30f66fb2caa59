package org.cityops.telemetry.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.cityops.telemetry.jt808.Fault;
import org.cityops.telemetry.jt808.FaultCounter;

/** {@code cityops.telemetry.jt808.faults{kind=...}} counters. */
final class MicrometerFaults implements FaultCounter {

    private final Map<Fault, Counter> counters = new EnumMap<>(Fault.class);

    MicrometerFaults(MeterRegistry registry) {
        for (Fault f : Fault.values()) {
            counters.put(
                    f,
                    Counter.builder("cityops.telemetry.jt808.faults")
                            .tag("kind", f.name().toLowerCase())
                            .description("bad input and refused or dropped connections at the JT/T 808 gateway")
                            .register(registry));
        }
    }

    @Override
    public void count(Fault fault) {
        counters.get(fault).increment();
    }

    double get(Fault fault) {
        return counters.get(fault).count();
    }
}
