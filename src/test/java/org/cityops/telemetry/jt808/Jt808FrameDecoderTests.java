package org.cityops.telemetry.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityops.telemetry.jt808.Hex.bytes;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Split, coalesced and broken frames through the Netty decoder. */
class Jt808FrameDecoderTests {

    static final String HEARTBEAT = "7e000200000123456789017fff0a7e";
    static final String LOGOUT = "7e000300000123456789120001997e";
    static final String ESCAPED_TAIL = "7e080040080100000000017299841738ffff0000007b000007017d017e";

    private final CountingFaults faults = new CountingFaults();
    private final EmbeddedChannel channel = new EmbeddedChannel(new Jt808FrameDecoder(2100, 50, faults));

    private List<Jt808Message> feed(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<Jt808Message> out = new ArrayList<>();
        Object m;
        while ((m = channel.readInbound()) != null) {
            out.add((Jt808Message) m);
        }
        return out;
    }

    @Test
    void coalescedFramesComeOutOneByOne() {
        List<Jt808Message> out = feed(bytes(HEARTBEAT + LOGOUT + ESCAPED_TAIL));
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0002, 0x0003, 0x0800);
        assertThat(faults.counts).isEmpty();
    }

    @Test
    void framesSplitAtEveryByteAreReassembled() {
        byte[] all = bytes(ESCAPED_TAIL + HEARTBEAT);
        List<Jt808Message> out = new ArrayList<>();
        for (byte b : all) {
            out.addAll(feed(new byte[] {b}));
        }
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0800, 0x0002);
        assertThat(out.get(0).body()[7]).isEqualTo((byte) 0x01);
    }

    @Test
    void garbageBetweenFramesIsSkippedAndCounted() {
        List<Jt808Message> out = feed(bytes("deadbeef" + HEARTBEAT + "0102" + LOGOUT + "ff"));
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0002, 0x0003);
        assertThat(faults.get(Fault.GARBAGE)).isGreaterThanOrEqualTo(1);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aBadChecksumFrameIsDroppedAndTheNextFrameStillDecodes() {
        List<Jt808Message> out = feed(bytes("7e000200000123456789017fff0b7e" + HEARTBEAT));
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0002);
        assertThat(faults.get(Fault.BAD_CHECKSUM)).isEqualTo(1);
    }

    @Test
    void aFrameWithoutItsClosingFlagResynchronisesOnTheNextOne() {
        // a truncated frame (its end lost) runs into the next frame's flag
        List<Jt808Message> out = feed(bytes("7e0002000001234567" + HEARTBEAT));
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0002);
        assertThat(faults.get(Fault.TRUNCATED) + faults.get(Fault.BAD_CHECKSUM)).isEqualTo(1);
    }

    @Test
    void anOversizeFrameIsDiscardedWithoutBufferingIt() {
        byte[] huge = new byte[10_000];
        huge[0] = 0x7e;
        java.util.Arrays.fill(huge, 1, huge.length, (byte) 0x11);
        List<Jt808Message> out = feed(huge, bytes("1111117e"), bytes(HEARTBEAT));
        assertThat(out).extracting(Jt808Message::id).containsExactly(0x0002);
        assertThat(faults.get(Fault.OVERSIZE)).isEqualTo(1);
    }

    @Test
    void aConnectionSendingOnlyGarbageIsClosed() {
        for (int i = 0; i < 60 && channel.isOpen(); i++) {
            feed(bytes("7e0102037e"));
        }
        assertThat(channel.isOpen()).isFalse();
        assertThat(faults.get(Fault.CONNECTION_DROPPED)).isEqualTo(1);
    }
}
