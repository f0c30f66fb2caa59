package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyTextTests {

    private static String text(Instant t) {
        StringBuilder out = new StringBuilder();
        new CopyText().timestamp(out, t);
        return out.toString();
    }

    @Test
    void a_whole_second_is_written_without_a_fraction_in_utc() {
        assertThat(text(Instant.parse("2026-11-27T08:00:05Z"))).isEqualTo("2026-11-27 08:00:05+00");
    }

    @Test
    void a_fraction_is_written_to_the_microsecond_with_leading_zeros_and_nanoseconds_dropped() {
        assertThat(text(Instant.parse("2026-01-02T03:04:05.000250999Z"))).isEqualTo("2026-01-02 03:04:05.000250+00");
        assertThat(text(Instant.parse("2026-01-02T03:04:05.5Z"))).isEqualTo("2026-01-02 03:04:05.500000+00");
    }

    @Test
    void the_same_second_reused_from_the_cache_still_carries_each_rows_own_fraction() {
        CopyText copy = new CopyText();
        StringBuilder out = new StringBuilder();
        copy.timestamp(out, Instant.parse("2026-11-27T08:00:05.1Z"));
        out.append('|');
        copy.timestamp(out, Instant.parse("2026-11-27T08:00:05.2Z"));
        assertThat(out).hasToString("2026-11-27 08:00:05.100000+00|2026-11-27 08:00:05.200000+00");
    }

    @Test
    void micros_is_the_key_postgresql_gives_back_for_the_stored_time() {
        assertThat(CopyText.micros(Instant.parse("1970-01-01T00:00:01.000002999Z")))
                .isEqualTo(1_000_002L);
        assertThat(CopyText.micros(Instant.parse("2026-11-27T08:00:05Z"))).isEqualTo(1_795_766_405_000_000L);
    }
}
