package org.cityops.telemetry.jt808;

import java.util.ArrayList;
import java.util.List;

/** 2013-edition frames of a message split into subpackets (分包), for tests (the simulator never splits). */
final class Subpackets {

    private Subpackets() {}

    /** One subpacket frame: header with bit 13 set and the packet item (total, index), then the part. */
    static byte[] frame(String phoneDigits, int messageId, int serial, int total, int index, byte[] part) {
        byte[] raw = new byte[12 + 4 + part.length + 1];
        int props = part.length | Jt808Header.SUBPACKAGE_BIT;
        raw[0] = (byte) (messageId >>> 8);
        raw[1] = (byte) messageId;
        raw[2] = (byte) (props >>> 8);
        raw[3] = (byte) props;
        Bcd.encode(phoneDigits, raw, 4, 6);
        raw[10] = (byte) (serial >>> 8);
        raw[11] = (byte) serial;
        raw[12] = (byte) (total >>> 8);
        raw[13] = (byte) total;
        raw[14] = (byte) (index >>> 8);
        raw[15] = (byte) index;
        System.arraycopy(part, 0, raw, 16, part.length);
        raw[raw.length - 1] = Jt808Codec.checksum(raw, 0, raw.length - 1);
        return Jt808Codec.escape(raw);
    }

    /** The body cut into parts of at most {@code size} bytes. */
    static List<byte[]> split(byte[] body, int size) {
        List<byte[]> parts = new ArrayList<>();
        for (int off = 0; off < body.length; off += size) {
            byte[] p = new byte[Math.min(size, body.length - off)];
            System.arraycopy(body, off, p, 0, p.length);
            parts.add(p);
        }
        return parts;
    }
}
