package org.cityops.telemetry.jt808;

import java.io.ByteArrayOutputStream;

/** Writes big-endian fields of an outgoing body. */
final class BodyWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    BodyWriter u8(int v) {
        out.write(v);
        return this;
    }

    BodyWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    BodyWriter u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    BodyWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** GBK string padded with 0x00 (or cut) to {@code n} bytes. */
    BodyWriter fixed(String s, int n) {
        byte[] b = s.getBytes(BodyReader.GBK);
        for (int i = 0; i < n; i++) {
            out.write(i < b.length ? b[i] : 0);
        }
        return this;
    }

    BodyWriter string(String s) {
        return bytes(s.getBytes(BodyReader.GBK));
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
