package org.cityops.telemetry.jt808;

import java.time.Instant;
import org.cityops.telemetry.Position;

/**
 * 0x0200 location report (位置信息汇报): the 28-byte basic block and the standard extra items (附加信息);
 * unknown extra items are skipped by their length.
 *
 * @param latitudeE6  degrees × 10⁶, unsigned; the hemisphere is status bit 2 (south)
 * @param longitudeE6 degrees × 10⁶, unsigned; status bit 3 (west)
 * @param speedTenthKmh 1/10 km/h
 * @param time        null when the BCD time is not a valid time
 */
public record LocationReport(
        long alarmBits,
        long statusBits,
        long latitudeE6,
        long longitudeE6,
        int altitudeM,
        int speedTenthKmh,
        int direction,
        Instant time,
        Extras extras) {

    public static final int BASIC_LENGTH = 28;

    /**
     * Standard extra items; null when absent.
     *
     * @param mileageTenthKm   0x01 里程, 1/10 km
     * @param fuelTenthL       0x02 油量, 1/10 L
     * @param recorderSpeedTenthKmh 0x03 行驶记录功能获取的速度
     * @param alarmEventId     0x04 需要人工确认报警事件的 ID
     * @param overspeedAreaType 0x11 超速报警附加信息: location type (0 none, 1 circle, 2 rectangle, 3 polygon, 4 route)
     * @param overspeedAreaId  0x11 area or route id (when the type is not 0)
     * @param inOutAreaType    0x12 进出区域/路线报警: location type
     * @param inOutAreaId      0x12 area or route id
     * @param inOutDirection   0x12 0 in, 1 out
     * @param roadSectionId    0x13 路段行驶时间不足/过长: section id
     * @param roadSectionSeconds 0x13 driving time
     * @param roadSectionResult 0x13 0 too short, 1 too long
     * @param extendedSignals  0x25 扩展车辆信号状态位
     * @param ioStatus         0x2A IO 状态位
     * @param analog           0x2B 模拟量
     * @param signalStrength   0x30 无线通信网络信号强度
     * @param satellites       0x31 GNSS 定位卫星数
     * @param unknownItems     extra items with other ids (skipped)
     */
    public record Extras(
            Long mileageTenthKm,
            Integer fuelTenthL,
            Integer recorderSpeedTenthKmh,
            Integer alarmEventId,
            Integer overspeedAreaType,
            Long overspeedAreaId,
            Integer inOutAreaType,
            Long inOutAreaId,
            Integer inOutDirection,
            Long roadSectionId,
            Integer roadSectionSeconds,
            Integer roadSectionResult,
            Long extendedSignals,
            Integer ioStatus,
            Long analog,
            Integer signalStrength,
            Integer satellites,
            int unknownItems) {

        public static final Extras NONE = new Extras(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                0);
    }

    public double latitude() {
        double v = latitudeE6 / 1_000_000.0;
        return (statusBits & 0x4) != 0 ? -v : v;
    }

    public double longitude() {
        double v = longitudeE6 / 1_000_000.0;
        return (statusBits & 0x8) != 0 ? -v : v;
    }

    public double speedKmh() {
        return speedTenthKmh / 10.0;
    }

    /** The position of {@code terminal}; null when time or coordinates are impossible. */
    public Position toPosition(String terminal) {
        if (time == null || latitudeE6 > 90_000_000L || longitudeE6 > 180_000_000L || direction > 360) {
            return null;
        }
        Double mileage = extras.mileageTenthKm() == null ? null : extras.mileageTenthKm() / 10.0;
        return new Position(
                terminal,
                time,
                latitude(),
                longitude(),
                speedKmh(),
                direction,
                alarmBits,
                statusBits,
                mileage,
                altitudeM);
    }

    public static LocationReport decode(byte[] body) {
        return decode(new BodyReader(body));
    }

    static LocationReport decode(BodyReader r) {
        long alarm = r.u32();
        long status = r.u32();
        long lat = r.u32();
        long lon = r.u32();
        int altitude = (short) r.u16(); // signed metres: below sea level is possible
        int speed = r.u16();
        int direction = r.u16();
        if (r.remaining() < 6) {
            throw new BadBodyException("location without time");
        }
        Instant time = Bcd.decodeTime(r.array(), r.position());
        r.skip(6);
        return new LocationReport(alarm, status, lat, lon, altitude, speed, direction, time, decodeExtras(r));
    }

    private static Extras decodeExtras(BodyReader r) {
        if (r.remaining() < 2) {
            return Extras.NONE;
        }
        Long mileage = null;
        Integer fuel = null;
        Integer recorderSpeed = null;
        Integer eventId = null;
        Integer osType = null;
        Long osId = null;
        Integer ioType = null;
        Long ioId = null;
        Integer ioDir = null;
        Long rsId = null;
        Integer rsTime = null;
        Integer rsResult = null;
        Long ext = null;
        Integer io = null;
        Long analog = null;
        Integer signal = null;
        Integer sats = null;
        int unknown = 0;
        while (r.remaining() >= 2) {
            int id = r.u8();
            int len = r.u8();
            if (len > r.remaining()) {
                throw new BadBodyException("extra item 0x" + Integer.toHexString(id) + " longer than the body");
            }
            int next = r.position() + len;
            switch (id) {
                case 0x01 -> mileage = len >= 4 ? r.u32() : null;
                case 0x02 -> fuel = len >= 2 ? r.u16() : null;
                case 0x03 -> recorderSpeed = len >= 2 ? r.u16() : null;
                case 0x04 -> eventId = len >= 2 ? r.u16() : null;
                case 0x11 -> {
                    osType = len >= 1 ? r.u8() : null;
                    osId = len >= 5 ? r.u32() : null;
                }
                case 0x12 -> {
                    if (len >= 6) {
                        ioType = r.u8();
                        ioId = r.u32();
                        ioDir = r.u8();
                    }
                }
                case 0x13 -> {
                    if (len >= 7) {
                        rsId = r.u32();
                        rsTime = r.u16();
                        rsResult = r.u8();
                    }
                }
                case 0x25 -> ext = len >= 4 ? r.u32() : null;
                case 0x2A -> io = len >= 2 ? r.u16() : null;
                case 0x2B -> analog = len >= 4 ? r.u32() : null;
                case 0x30 -> signal = len >= 1 ? r.u8() : null;
                case 0x31 -> sats = len >= 1 ? r.u8() : null;
                default -> unknown++;
            }
            r.skip(next - r.position());
        }
        return new Extras(
                mileage,
                fuel,
                recorderSpeed,
                eventId,
                osType,
                osId,
                ioType,
                ioId,
                ioDir,
                rsId,
                rsTime,
                rsResult,
                ext,
                io,
                analog,
                signal,
                sats,
                unknown);
    }

    /** Encodes the basic block plus mileage (0x01), signal (0x30) and satellites (0x31) when present. */
    public byte[] encode() {
        byte[] time6 = new byte[6];
        Bcd.encodeTime(time, time6, 0);
        BodyWriter w = new BodyWriter()
                .u32(alarmBits)
                .u32(statusBits)
                .u32(latitudeE6)
                .u32(longitudeE6)
                .u16(altitudeM)
                .u16(speedTenthKmh)
                .u16(direction)
                .bytes(time6);
        if (extras.mileageTenthKm() != null) {
            w.u8(0x01).u8(4).u32(extras.mileageTenthKm());
        }
        if (extras.fuelTenthL() != null) {
            w.u8(0x02).u8(2).u16(extras.fuelTenthL());
        }
        if (extras.signalStrength() != null) {
            w.u8(0x30).u8(1).u8(extras.signalStrength());
        }
        if (extras.satellites() != null) {
            w.u8(0x31).u8(1).u8(extras.satellites());
        }
        return w.toBytes();
    }

    /** A report of a position (hemisphere bits set from the signs), for the simulator and tests. */
    public static LocationReport of(Position p) {
        long status = p.statusBits() & ~0xCL;
        if (p.lat() < 0) {
            status |= 0x4;
        }
        if (p.lon() < 0) {
            status |= 0x8;
        }
        Extras extras = p.mileageKm() == null
                ? Extras.NONE
                : new Extras(
                        Math.round(p.mileageKm() * 10),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0);
        return new LocationReport(
                p.alarmBits(),
                status,
                Math.round(Math.abs(p.lat()) * 1e6),
                Math.round(Math.abs(p.lon()) * 1e6),
                p.altitudeM() == null ? 0 : p.altitudeM(),
                (int) Math.round(p.speedKmh() * 10),
                p.direction(),
                p.time(),
                extras);
    }
}
