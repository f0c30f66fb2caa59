package org.cityops.telemetry.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.Test;

class PositionCodecTests {

    @Test
    void aLogEntryGivesBackEveryFieldOfItsPositionsNullsIncluded() {
        List<Position> positions = List.of(
                new Position(
                        "13912345678",
                        Instant.parse("2026-12-07T01:02:03.456789Z"),
                        32.04,
                        118.78,
                        36.5,
                        270,
                        1L << 31,
                        0x302L,
                        12345.6,
                        18),
                new Position(
                        "13912345678", Instant.parse("2026-12-07T01:02:04Z"), -1.5, -179.9, 0, 0, 0, 0, null, null));

        assertThat(PositionCodec.decode(PositionCodec.encode(positions))).isEqualTo(positions);
    }

    @Test
    void bytesOfAnotherVersionAreRefusedNotMisread() {
        byte[] bytes = PositionCodec.encode(List.of());
        bytes[0] = 9;

        assertThatThrownBy(() -> PositionCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTerminalHasOnePartitionWhateverItsLeadingZerosAndTheTerminalsSpreadOverAllSixteen() {
        assertThat(Partitions.of("013912345678", 16))
                .isEqualTo(Partitions.of("13912345678", 16))
                .isEqualTo(Partitions.of("00000000013912345678", 16));
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(Partitions.of(String.valueOf(13900000000L + i), 16));
        }
        assertThat(used).hasSize(16);
    }

    @Test
    void aMessageIdIsTheSameForAResendAndDiffersForTheNextMessage() {
        Position p = new Position("139", Instant.parse("2026-12-07T01:02:03Z"), 32, 118, 0, 0, 0, 0, null, null);
        AckTarget nobody = durable -> {};

        assertThat(LogPositionSink.messageId(new Submission(List.of(p), nobody, 7, 0x0200), List.of(p)))
                .isEqualTo(LogPositionSink.messageId(new Submission(List.of(p), nobody, 7, 0x0200), List.of(p)))
                .isNotEqualTo(LogPositionSink.messageId(new Submission(List.of(p), nobody, 8, 0x0200), List.of(p)));
    }
}
