package org.cityops.telemetry.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.telemetry.Position;

/**
 * The bytes of one log entry: a version byte, the count, then each position (terminal, time to the microsecond,
 * WGS-84 coordinates, speed, direction, alarm and status bits, optional mileage and altitude). About 60 bytes per
 * position; no JSON on the hot path.
 */
public final class PositionCodec {

    private static final int VERSION = 1;

    private PositionCodec() {}

    public static byte[] encode(List<Position> positions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + positions.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(positions.size());
            for (Position p : positions) {
                out.writeUTF(p.terminal());
                out.writeLong(p.time().getEpochSecond());
                out.writeInt(p.time().getNano());
                out.writeDouble(p.lat());
                out.writeDouble(p.lon());
                out.writeDouble(p.speedKmh());
                out.writeInt(p.direction());
                out.writeLong(p.alarmBits());
                out.writeLong(p.statusBits());
                out.writeBoolean(p.mileageKm() != null);
                if (p.mileageKm() != null) {
                    out.writeDouble(p.mileageKm());
                }
                out.writeBoolean(p.altitudeM() != null);
                if (p.altitudeM() != null) {
                    out.writeInt(p.altitudeM());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not an entry of this version */
    public static List<Position> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown position log entry version " + version);
            }
            int n = in.readInt();
            if (n < 0 || n > data.length) {
                throw new IllegalArgumentException("bad position count " + n);
            }
            List<Position> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String terminal = in.readUTF();
                Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
                double lat = in.readDouble();
                double lon = in.readDouble();
                double speed = in.readDouble();
                int direction = in.readInt();
                long alarm = in.readLong();
                long status = in.readLong();
                Double mileage = in.readBoolean() ? in.readDouble() : null;
                Integer altitude = in.readBoolean() ? in.readInt() : null;
                out.add(new Position(terminal, time, lat, lon, speed, direction, alarm, status, mileage, altitude));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated position log entry", e);
        }
    }
}
