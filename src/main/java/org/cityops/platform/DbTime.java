package org.cityops.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants cross the JDBC boundary as UTC {@link OffsetDateTime} (what both PostgreSQL's and H2's drivers
 * accept for {@code TIMESTAMP WITH TIME ZONE}), truncated to microseconds, the precision both keep.
 */
public final class DbTime {

    private DbTime() {}

    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant fromDb(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** The present moment at the precision the database keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
