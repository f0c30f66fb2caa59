package org.cityops.telemetry.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/** The partition of a terminal: CRC-32 of its phone number (stable across nodes, JVMs and versions) modulo n. */
public final class Partitions {

    private Partitions() {}

    public static int of(String terminal, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(terminal.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }

    /** The terminals of these partitions. */
    public static Predicate<String> terminalsOf(Set<Integer> owned, int partitions) {
        Set<Integer> copy = Set.copyOf(owned);
        return t -> t != null && copy.contains(of(t, partitions));
    }
}
