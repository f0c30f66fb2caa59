package org.cityops.telemetry.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes timestamps in PostgreSQL's COPY text format ({@code 2026-11-27 08:00:00.250000+00}) without going
 * through {@link Instant#toString()} for every row: a batch of positions spans few distinct seconds, so the
 * date-and-time part is formatted once per second and reused. One instance per batch (not thread-safe).
 */
final class CopyText {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Map<Long, String> seconds = new HashMap<>();

    void timestamp(StringBuilder out, Instant t) {
        long second = t.getEpochSecond();
        String text = seconds.get(second);
        if (text == null) {
            text = SECOND.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
            seconds.put(second, text);
        }
        out.append(text);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            out.append('.');
            String digits = Integer.toString(micros);
            for (int i = digits.length(); i < 6; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        out.append("+00");
    }

    /** Microseconds since the epoch: the precision PostgreSQL keeps, and the key RETURNING gives back. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
}
