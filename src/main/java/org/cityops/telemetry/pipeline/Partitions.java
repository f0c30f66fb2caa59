package org.cityops.telemetry.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * The partition of a terminal: CRC-32 of its phone number without leading zeros (stable across nodes, JVMs and
 * versions) modulo n.
 */
public final class Partitions {

    private Partitions() {}

    public static int of(String terminal, int partitions) {
        String t = terminal.trim();
        int i = 0;
        while (i < t.length() - 1 && t.charAt(i) == '0') {
            i++; // 013912345678 and 13912345678 are one terminal (JT/T 808-2013 and -2019 phone fields)
        }
        CRC32 crc = new CRC32();
        crc.update(t.substring(i).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }

    /** The terminals of these partitions. */
    public static Predicate<String> terminalsOf(Set<Integer> owned, int partitions) {
        Set<Integer> copy = Set.copyOf(owned);
        return t -> t != null && copy.contains(of(t, partitions));
    }
}
