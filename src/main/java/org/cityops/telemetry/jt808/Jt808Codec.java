package org.cityops.telemetry.jt808;

import java.io.ByteArrayOutputStream;

/**
 * Frame-level coding: escaping (0x7e → 0x7d02, 0x7d → 0x7d01), the XOR checksum, and building outgoing frames
 * in the edition of the terminal they answer.
 */
public final class Jt808Codec {

    private Jt808Codec() {}

    /** Builds a complete frame (flags included) addressed like {@code to}: same edition, version and phone digits. */
    public static byte[] encode(Jt808Header to, int messageId, int serial, byte[] body) {
        return encode(to.v2019(), to.protocolVersion(), to.phoneDigits(), messageId, serial, body);
    }

    public static byte[] encode(
            boolean v2019, int protocolVersion, String phoneDigits, int messageId, int serial, byte[] body) {
        if (body.length > Jt808.MAX_BODY) {
            throw new IllegalArgumentException("body longer than " + Jt808.MAX_BODY + " bytes needs subpackaging");
        }
        int headerLength = v2019 ? 17 : 12;
        byte[] raw = new byte[headerLength + body.length + 1];
        int props = body.length | (v2019 ? Jt808Header.VERSION_BIT : 0);
        raw[0] = (byte) (messageId >>> 8);
        raw[1] = (byte) messageId;
        raw[2] = (byte) (props >>> 8);
        raw[3] = (byte) props;
        int off;
        if (v2019) {
            raw[4] = (byte) protocolVersion;
            Bcd.encode(phoneDigits, raw, 5, 10);
            off = 15;
        } else {
            Bcd.encode(phoneDigits, raw, 4, 6);
            off = 10;
        }
        raw[off] = (byte) (serial >>> 8);
        raw[off + 1] = (byte) serial;
        System.arraycopy(body, 0, raw, headerLength, body.length);
        raw[raw.length - 1] = checksum(raw, 0, raw.length - 1);
        return escape(raw);
    }

    public static byte checksum(byte[] b, int from, int to) {
        byte x = 0;
        for (int i = from; i < to; i++) {
            x ^= b[i];
        }
        return x;
    }

    /** Escapes and wraps in flags. */
    public static byte[] escape(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 8);
        out.write(Jt808.FLAG);
        for (byte b : raw) {
            if (b == Jt808.FLAG) {
                out.write(Jt808.ESCAPE);
                out.write(0x02);
            } else if (b == Jt808.ESCAPE) {
                out.write(Jt808.ESCAPE);
                out.write(0x01);
            } else {
                out.write(b);
            }
        }
        out.write(Jt808.FLAG);
        return out.toByteArray();
    }

    /**
     * Unescapes {@code length} bytes (between the flags) into {@code out}; returns the unescaped length, or -1
     * for a bad escape sequence.
     */
    public static int unescape(byte[] in, int offset, int length, byte[] out) {
        int n = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = in[i];
            if (b == Jt808.ESCAPE) {
                if (i + 1 >= end) {
                    return -1;
                }
                byte next = in[++i];
                if (next == 0x01) {
                    out[n++] = Jt808.ESCAPE;
                } else if (next == 0x02) {
                    out[n++] = Jt808.FLAG;
                } else {
                    return -1;
                }
            } else {
                out[n++] = b;
            }
        }
        return n;
    }

    /**
     * Decodes one frame given without its flags (still escaped). Reports the fault and returns null when it is
     * not a valid message.
     */
    public static Jt808Message decodeFrame(byte[] escaped, int offset, int length, FaultCounter faults) {
        byte[] raw = new byte[length];
        int n = unescape(escaped, offset, length, raw);
        if (n < 0) {
            faults.count(Fault.BAD_ESCAPE);
            return null;
        }
        if (n < 13) {
            faults.count(Fault.TRUNCATED);
            return null;
        }
        if (checksum(raw, 0, n - 1) != raw[n - 1]) {
            faults.count(Fault.BAD_CHECKSUM);
            return null;
        }
        Jt808Header header = Jt808Header.parse(raw, n);
        if (header == null) {
            faults.count(Fault.TRUNCATED);
            return null;
        }
        byte[] body = new byte[header.bodyLength()];
        System.arraycopy(raw, header.length(), body, 0, body.length);
        return new Jt808Message(header, body);
    }

    /** Decodes a whole frame with flags, e.g. a test vector. */
    public static Jt808Message decode(byte[] frame, FaultCounter faults) {
        if (frame.length < 2 || frame[0] != Jt808.FLAG || frame[frame.length - 1] != Jt808.FLAG) {
            faults.count(Fault.GARBAGE);
            return null;
        }
        return decodeFrame(frame, 1, frame.length - 2, faults);
    }
}
