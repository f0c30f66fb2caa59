package org.cityops.telemetry.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Instant;
import org.cityops.telemetry.jt808.Bcd;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Header;
import org.cityops.telemetry.jt808.LocationReport;

/**
 * The simulator's hot path: 0x0200 location frames of one terminal written straight into a pooled buffer, the
 * header built once, no objects per report. The bytes are those of {@code Jt808Codec.encode} over
 * {@code LocationReport.of(position).encode()} for a position with mileage (a test holds them equal), so the load
 * benchmark measures the gateway and not the generator's allocations. Not thread-safe: one per truck.
 */
final class LocationFrames {

    private static final int BODY = LocationReport.BASIC_LENGTH + 6; // basic block + mileage item 0x01

    private final byte[] raw;
    private final int headerLength;

    LocationFrames(boolean v2019, String phoneDigits) {
        headerLength = v2019 ? 17 : 12;
        raw = new byte[headerLength + BODY + 1];
        int props = BODY | (v2019 ? Jt808Header.VERSION_BIT : 0);
        raw[0] = (byte) (Jt808.LOCATION >>> 8);
        raw[1] = (byte) Jt808.LOCATION;
        raw[2] = (byte) (props >>> 8);
        raw[3] = (byte) props;
        if (v2019) {
            raw[4] = 1;
            Bcd.encode(phoneDigits, raw, 5, 10);
        } else {
            Bcd.encode(phoneDigits, raw, 4, 6);
        }
        raw[headerLength + LocationReport.BASIC_LENGTH] = 0x01;
        raw[headerLength + LocationReport.BASIC_LENGTH + 1] = 4;
    }

    /** One escaped frame, flags included. {@code lat}/{@code lon} north and east (the simulated city is). */
    ByteBuf frame(
            ByteBufAllocator alloc,
            int serial,
            long alarmBits,
            long statusBits,
            double lat,
            double lon,
            int altitudeM,
            double speedKmh,
            int direction,
            Instant time,
            double mileageKm) {
        int off = headerLength - 2;
        u16(off, serial);
        off = headerLength;
        u32(off, alarmBits);
        u32(off + 4, statusBits & ~0xCL);
        u32(off + 8, Math.round(lat * 1e6));
        u32(off + 12, Math.round(lon * 1e6));
        u16(off + 16, altitudeM);
        u16(off + 18, (int) Math.round(speedKmh * 10));
        u16(off + 20, direction);
        Bcd.encodeTime(time, raw, off + 22);
        u32(off + LocationReport.BASIC_LENGTH + 2, Math.round(mileageKm * 10));
        byte check = 0;
        for (int i = 0; i < raw.length - 1; i++) {
            check ^= raw[i];
        }
        raw[raw.length - 1] = check;
        ByteBuf out = alloc.directBuffer(raw.length * 2 + 2);
        out.writeByte(Jt808.FLAG);
        for (byte b : raw) {
            if (b == Jt808.FLAG) {
                out.writeByte(Jt808.ESCAPE).writeByte(0x02);
            } else if (b == Jt808.ESCAPE) {
                out.writeByte(Jt808.ESCAPE).writeByte(0x01);
            } else {
                out.writeByte(b);
            }
        }
        return out.writeByte(Jt808.FLAG);
    }

    private void u16(int at, int v) {
        raw[at] = (byte) (v >>> 8);
        raw[at + 1] = (byte) v;
    }

    private void u32(int at, long v) {
        raw[at] = (byte) (v >>> 24);
        raw[at + 1] = (byte) (v >>> 16);
        raw[at + 2] = (byte) (v >>> 8);
        raw[at + 3] = (byte) v;
    }
}
