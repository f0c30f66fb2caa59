package org.cityops.telemetry.jt808;

/**
 * A message header (消息头). The edition comes from bit 14 of the body properties: set = 2019 (protocol version
 * byte and BCD[10] phone), clear = 2013 (BCD[6] phone).
 *
 * @param phoneDigits the BCD digits as sent (echoed in replies)
 * @param terminal    the phone number without leading zeros (the terminal's identity)
 * @param packetTotal 0 unless subpackaged (分包)
 */
public record Jt808Header(
        int messageId,
        int properties,
        boolean v2019,
        int protocolVersion,
        String phoneDigits,
        String terminal,
        int serial,
        int packetTotal,
        int packetIndex) {

    public static final int VERSION_BIT = 0x4000;
    public static final int SUBPACKAGE_BIT = 0x2000;

    public int bodyLength() {
        return properties & 0x3ff;
    }

    public boolean subpackaged() {
        return (properties & SUBPACKAGE_BIT) != 0;
    }

    public int encryption() {
        return (properties >>> 10) & 0x7;
    }

    public int length() {
        return (v2019 ? 17 : 12) + (subpackaged() ? 4 : 0);
    }

    /**
     * Parses the header at the start of an unescaped frame (header, body, checksum); null when the frame is
     * too short for its header or its body length disagrees with the frame.
     */
    public static Jt808Header parse(byte[] frame, int frameLength) {
        if (frameLength < 13) {
            return null;
        }
        int id = u16(frame, 0);
        int props = u16(frame, 2);
        boolean v2019 = (props & VERSION_BIT) != 0;
        int off;
        int version = 0;
        String digits;
        if (v2019) {
            if (frameLength < 18) {
                return null;
            }
            version = frame[4] & 0xff;
            digits = Bcd.decode(frame, 5, 10);
            off = 15;
        } else {
            digits = Bcd.decode(frame, 4, 6);
            off = 10;
        }
        int serial = u16(frame, off);
        off += 2;
        int total = 0;
        int index = 0;
        if ((props & SUBPACKAGE_BIT) != 0) {
            if (frameLength < off + 5) {
                return null;
            }
            total = u16(frame, off);
            index = u16(frame, off + 2);
            off += 4;
        }
        if (off + (props & 0x3ff) + 1 != frameLength) {
            return null;
        }
        String terminal = Bcd.normaliseTerminal(digits);
        if (terminal == null) {
            return null;
        }
        return new Jt808Header(id, props, v2019, version, digits, terminal, serial, total, index);
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
