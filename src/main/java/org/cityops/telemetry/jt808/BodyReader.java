package org.cityops.telemetry.jt808;

import java.nio.charset.Charset;

/** Reads big-endian fields from a body; throws {@link BadBodyException} past the end. */
final class BodyReader {

    static final Charset GBK = Charset.forName("GBK");

    private final byte[] b;
    private int pos;
    private final int end;

    BodyReader(byte[] b) {
        this(b, 0, b.length);
    }

    BodyReader(byte[] b, int offset, int length) {
        this.b = b;
        this.pos = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    private void need(int n) {
        if (pos + n > end) {
            throw new BadBodyException("body too short");
        }
    }

    int u8() {
        need(1);
        return b[pos++] & 0xff;
    }

    int u16() {
        need(2);
        int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    long u32() {
        need(4);
        long v = ((long) (b[pos] & 0xff) << 24)
                | ((b[pos + 1] & 0xff) << 16)
                | ((b[pos + 2] & 0xff) << 8)
                | (b[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    void skip(int n) {
        need(n);
        pos += n;
    }

    /** A fixed-size field padded with 0x00 (or spaces), as a string. */
    String fixedString(int n) {
        need(n);
        int len = n;
        while (len > 0 && (b[pos + len - 1] == 0 || b[pos + len - 1] == ' ')) {
            len--;
        }
        String s = new String(b, pos, len, GBK);
        pos += n;
        return s;
    }

    String restAsString() {
        return fixedString(remaining());
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    byte[] array() {
        return b;
    }
}
