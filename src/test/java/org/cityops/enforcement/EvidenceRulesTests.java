package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cityops.enforcement.file.EvidenceKind;
import org.cityops.enforcement.file.EvidenceRules;
import org.junit.jupiter.api.Test;

class EvidenceRulesTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0};
    static final byte[] PDF = "%PDF-1.7 ...".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};

    String field(EvidenceKind kind, byte[] data, Instant at, Double lat, Double lon) {
        return EvidenceRules.check(kind, data, at, lat, lon, NOW)
                .map(EvidenceRules.Problem::field)
                .orElse(null);
    }

    @Test
    void a_photo_or_a_video_needs_the_position_it_was_taken_at_but_a_written_record_does_not() {
        assertThat(field(EvidenceKind.PHOTO, JPEG, NOW, null, null)).isEqualTo("lat");
        assertThat(field(EvidenceKind.VIDEO, MP4, NOW, null, null)).isEqualTo("lat");
        assertThat(field(EvidenceKind.RECORD, PDF, NOW, null, null)).isNull();
        assertThat(field(EvidenceKind.PHOTO, JPEG, NOW, 31.8, 119.9)).isNull();
    }

    @Test
    void the_file_type_is_read_from_the_bytes_and_must_fit_the_kind() {
        assertThat(EvidenceRules.sniff(MP4)).isEqualTo("video/mp4");
        assertThat(field(EvidenceKind.PHOTO, PDF, NOW, 31.8, 119.9)).isEqualTo("file");
        assertThat(field(EvidenceKind.VIDEO, JPEG, NOW, 31.8, 119.9)).isEqualTo("file");
        assertThat(field(EvidenceKind.RECORD, "plain text".getBytes(), NOW, null, null))
                .isEqualTo("file");
        assertThat(field(EvidenceKind.PHOTO, new byte[0], NOW, 31.8, 119.9)).isEqualTo("file");
    }

    @Test
    void a_file_over_ten_megabytes_is_refused() {
        byte[] big = new byte[EvidenceRules.MAX_BYTES + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertThat(field(EvidenceKind.PHOTO, big, NOW, 31.8, 119.9)).isEqualTo("file");
    }

    @Test
    void the_time_taken_is_required_and_may_not_lie_beyond_five_minutes_of_clock_skew_in_the_future() {
        assertThat(field(EvidenceKind.PHOTO, JPEG, null, 31.8, 119.9)).isEqualTo("takenAt");
        assertThat(field(EvidenceKind.PHOTO, JPEG, NOW.plusSeconds(240), 31.8, 119.9))
                .isNull();
        assertThat(field(EvidenceKind.PHOTO, JPEG, NOW.plusSeconds(600), 31.8, 119.9))
                .isEqualTo("takenAt");
    }

    @Test
    void a_position_out_of_range_or_half_given_is_refused() {
        assertThat(field(EvidenceKind.PHOTO, JPEG, NOW, 91.0, 119.9)).isEqualTo("lat");
        assertThat(field(EvidenceKind.RECORD, PDF, NOW, 31.8, null)).isEqualTo("lon");
    }

    @Test
    void the_hash_is_the_sha256_of_the_bytes_in_hex() {
        assertThat(EvidenceRules.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
