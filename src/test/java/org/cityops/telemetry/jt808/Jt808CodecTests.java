package org.cityops.telemetry.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityops.telemetry.jt808.Hex.bytes;
import static org.cityops.telemetry.jt808.Hex.hex;

import java.time.Instant;
import org.cityops.telemetry.Position;
import org.junit.jupiter.api.Test;

/** The public test vectors of /work/shared/reference/jt808.md §1.4 and encode/decode round trips. */
class Jt808CodecTests {

    private final CountingFaults faults = new CountingFaults();

    private Jt808Message decode(String hex) {
        Jt808Message m = Jt808Codec.decode(bytes(hex), faults);
        assertThat(m).as("decodes " + hex).isNotNull();
        return m;
    }

    @Test
    void theStandardsEscapingExampleEscapesAndUnescapes() {
        assertThat(hex(Jt808Codec.escape(bytes("307e087d55")))).isEqualTo("7e307d02087d01557e");
        byte[] out = new byte[8];
        byte[] wire = bytes("307d02087d0155");
        int n = Jt808Codec.unescape(wire, 0, wire.length, out);
        assertThat(hex(java.util.Arrays.copyOf(out, n))).isEqualTo("307e087d55");
    }

    @Test
    void v7TerminalResponseIn2013And2019() {
        Jt808Message m2013 = decode("7e000100050123456789017fff007b01c803bd7e");
        assertThat(m2013.header().v2019()).isFalse();
        assertThat(m2013.header().terminal()).isEqualTo("12345678901");
        assertThat(m2013.header().serial()).isEqualTo(0x7fff);
        assertThat(GeneralResponse.decode(m2013.body())).isEqualTo(new GeneralResponse(123, 0x01c8, 3));

        Jt808Message m2019 = decode("7e000140050100000000017299841738ffff007b01c803b57e");
        assertThat(m2019.header().v2019()).isTrue();
        assertThat(m2019.header().protocolVersion()).isEqualTo(1);
        assertThat(m2019.header().phoneDigits()).isEqualTo("00000000017299841738");
        assertThat(m2019.header().terminal()).isEqualTo("17299841738");
        assertThat(m2019.header().serial()).isEqualTo(65535);
        assertThat(GeneralResponse.decode(m2019.body())).isEqualTo(new GeneralResponse(123, 0x01c8, 3));
    }

    @Test
    void v8HeartbeatIsAnsweredWithTheDocumentedPlatformResponse() {
        Jt808Message in = decode("7e000200000123456789017fff0a7e");
        byte[] out = Jt808Codec.encode(
                in.header(),
                Jt808.PLATFORM_RESPONSE,
                0,
                new GeneralResponse(in.header().serial(), in.id(), Jt808.OK).encode());
        assertThat(hex(out)).isEqualTo("7e8001000501234567890100007fff0002008e7e");

        Jt808Message in2019 = decode("7e000240000100000000017299841738ffff027e");
        byte[] out2019 = Jt808Codec.encode(
                in2019.header(),
                Jt808.PLATFORM_RESPONSE,
                0,
                new GeneralResponse(in2019.header().serial(), in2019.id(), Jt808.OK).encode());
        assertThat(hex(out2019)).isEqualTo("7e8001400501000000000172998417380000ffff000200867e");
    }

    @Test
    void v9Authentication2019() {
        Jt808Message m = decode("7e0102402f010000000001729984173800000b3137323939383431373338313233343536373839"
                + "303132333435332e372e31350000000000000000000000000000227e");
        AuthRequest auth = AuthRequest.decode(m.body(), true);
        assertThat(auth).isEqualTo(new AuthRequest("17299841738", "123456789012345", "3.7.15"));
        byte[] reply = Jt808Codec.encode(
                m.header(),
                Jt808.PLATFORM_RESPONSE,
                0,
                new GeneralResponse(m.header().serial(), m.id(), Jt808.OK).encode());
        assertThat(hex(reply)).isEqualTo("7e80014005010000000001729984173800000000010200877e");
        assertThat(AuthRequest.decode(auth.encode(true), true)).isEqualTo(auth);
    }

    @Test
    void v10RegisterResponse() {
        Jt808Message m = decode("7e8100000e01234567890100000000003132333435363738393031377e");
        RegisterResponse r = RegisterResponse.decode(m.body());
        assertThat(r).isEqualTo(new RegisterResponse(0, 0, "12345678901"));
        assertThat(hex(Jt808Codec.encode(m.header(), Jt808.REGISTER_RESPONSE, 0, r.encode())))
                .isEqualTo("7e8100000e01234567890100000000003132333435363738393031377e");
    }

    @Test
    void v11Logout() {
        Jt808Message m = decode("7E000300000123456789120001997E");
        assertThat(m.id()).isEqualTo(Jt808.LOGOUT);
        assertThat(m.header().terminal()).isEqualTo("12345678912");
        assertThat(m.header().serial()).isEqualTo(1);
        assertThat(m.body()).isEmpty();
    }

    @Test
    void v12ChecksumEscapedAtTheTailOfTheFrame() {
        Jt808Message m = decode("7e080040080100000000017299841738ffff0000007b000007017d017e");
        assertThat(m.id()).isEqualTo(0x0800);
        assertThat(m.body()).hasSize(8);
        byte[] again = Jt808Codec.encode(m.header(), m.id(), m.header().serial(), m.body());
        assertThat(hex(again)).isEqualTo("7e080040080100000000017299841738ffff0000007b000007017d017e");
    }

    @Test
    void v13Location2019WithAllStandardExtraItems() {
        Jt808Message m = decode("7e0200407c0100000000017299841738ffff000004000000080006eeb6ad02633df7013800030063"
                + "20070719235901040000000b02020016030200210402002c051e37373700000000000000000000000000000000000000"
                + "00000000000000001105420000004212064d0000004d4d1307000000580058582504000000632a02000a2b0400000014"
                + "30011e310128637e"); // as in yezhihao JT808.txt L14; jt808.md's copy lost one 00 of item 0x05
        LocationReport r = LocationReport.decode(m.body());
        assertThat(r.alarmBits()).isEqualTo(0x400);
        assertThat(r.statusBits()).isEqualTo(0x800);
        assertThat(r.latitudeE6()).isEqualTo(116_307_629L); // lat and lon are swapped in this synthetic vector
        assertThat(r.longitudeE6()).isEqualTo(40_058_359L);
        assertThat(r.altitudeM()).isEqualTo(312);
        assertThat(r.speedTenthKmh()).isEqualTo(3);
        assertThat(r.direction()).isEqualTo(99);
        assertThat(r.time()).isEqualTo(Instant.parse("2020-07-07T11:23:59Z")); // 200707192359 GMT+8
        LocationReport.Extras x = r.extras();
        assertThat(x.mileageTenthKm()).isEqualTo(11);
        assertThat(x.fuelTenthL()).isEqualTo(22);
        assertThat(x.recorderSpeedTenthKmh()).isEqualTo(33);
        assertThat(x.alarmEventId()).isEqualTo(44);
        assertThat(x.overspeedAreaType()).isEqualTo(0x42);
        assertThat(x.overspeedAreaId()).isEqualTo(0x42);
        assertThat(x.inOutAreaType()).isEqualTo(0x4d);
        assertThat(x.inOutAreaId()).isEqualTo(0x4d);
        assertThat(x.inOutDirection()).isEqualTo(0x4d);
        assertThat(x.roadSectionId()).isEqualTo(0x58);
        assertThat(x.roadSectionSeconds()).isEqualTo(0x58);
        assertThat(x.roadSectionResult()).isEqualTo(0x58);
        assertThat(x.extendedSignals()).isEqualTo(0x63);
        assertThat(x.ioStatus()).isEqualTo(10);
        assertThat(x.analog()).isEqualTo(20);
        assertThat(x.signalStrength()).isEqualTo(30);
        assertThat(x.satellites()).isEqualTo(40);
        assertThat(x.unknownItems()).isEqualTo(1); // 0x05 tyre pressure is skipped by length
        assertThat(faults.counts).isEmpty();
    }

    @Test
    void batchUploadVector2019DecodesThreeBlindAreaItems() {
        Jt808Message m = decode("7e0704405d0100000000017299841738ffff000301001c000004000000080006eeb6ad02633df7013800"
                + "030063200707192359001c000004000000080006eeb6ad02633df7013800030063200707192359001c0000040000000800"
                + "06eeb6ad02633df70138000300632007071923590e7e");
        LocationBatch batch = LocationBatch.decode(m.body());
        assertThat(batch.type()).isEqualTo(LocationBatch.BLIND_AREA);
        assertThat(batch.reports())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.time()).isEqualTo(Instant.parse("2020-07-07T11:23:59Z")));
    }

    @Test
    void unknownExtraItemsAreSkippedByTheirLength() {
        LocationReport base = report(31.78, 119.95);
        byte[] plain = base.encode();
        byte[] withVendorItems = new byte[plain.length + 11];
        System.arraycopy(plain, 0, withVendorItems, 0, plain.length);
        byte[] extra = bytes("eb03aabbcc 1401ff 3101");
        System.arraycopy(extra, 0, withVendorItems, plain.length, extra.length);
        withVendorItems[withVendorItems.length - 1] = 7;
        LocationReport r = LocationReport.decode(withVendorItems);
        assertThat(r.extras().unknownItems()).isEqualTo(2);
        assertThat(r.extras().satellites()).isEqualTo(7);
        assertThat(r.latitude()).isEqualTo(31.78);
    }

    @Test
    void aLocationRoundTripsThroughBothEditions() {
        Position p = new Position(
                "13800138000",
                Instant.parse("2026-11-27T08:15:30Z"),
                -31.781234,
                -119.951234,
                42.5,
                270,
                1L << 23,
                0x3 | 0xC | (3 << 8),
                12345.6,
                15);
        for (boolean v2019 : new boolean[] {false, true}) {
            byte[] frame = Jt808Codec.encode(
                    v2019,
                    1,
                    "013800138000",
                    Jt808.LOCATION,
                    7,
                    LocationReport.of(p).encode());
            Jt808Message m = Jt808Codec.decode(frame, faults);
            assertThat(m.header().v2019()).isEqualTo(v2019);
            assertThat(LocationReport.decode(m.body()).toPosition(m.header().terminal()))
                    .isEqualTo(p);
        }
    }

    @Test
    void aBatchRoundTrips() {
        LocationBatch batch = new LocationBatch(
                LocationBatch.BLIND_AREA, java.util.List.of(report(31.7, 119.9), report(31.8, 120.0)));
        LocationBatch again = LocationBatch.decode(batch.encode());
        assertThat(again).isEqualTo(batch);
    }

    @Test
    void registrationRoundTripsWithAGbkPlate() {
        RegisterRequest req = new RegisterRequest(32, 400, "CZ001", "MUCK-T1", "T000001", 2, "苏D12345");
        assertThat(RegisterRequest.decode(req.encode(false), false)).isEqualTo(req);
        assertThat(RegisterRequest.decode(req.encode(true), true)).isEqualTo(req);
    }

    @Test
    void the2013And2019HeadersOfOneNumberNameTheSameTerminal() {
        byte[] a = Jt808Codec.encode(false, 0, "013912345678", Jt808.HEARTBEAT, 1, new byte[0]);
        byte[] b = Jt808Codec.encode(true, 1, "00000000013912345678", Jt808.HEARTBEAT, 1, new byte[0]);
        assertThat(Jt808Codec.decode(a, faults).header().terminal())
                .isEqualTo(Jt808Codec.decode(b, faults).header().terminal())
                .isEqualTo("13912345678");
    }

    @Test
    void badChecksumBadEscapeAndShortFramesAreCountedNotThrown() {
        assertThat(Jt808Codec.decode(bytes("7e000200000123456789017fff0b7e"), faults))
                .isNull();
        assertThat(faults.get(Fault.BAD_CHECKSUM)).isEqualTo(1);
        assertThat(Jt808Codec.decode(bytes("7e000200000123456789017fff7d037e"), faults))
                .isNull();
        assertThat(faults.get(Fault.BAD_ESCAPE)).isEqualTo(1);
        assertThat(Jt808Codec.decode(bytes("7e0002007e"), faults)).isNull();
        // body length 5 announced, none sent (checksum made valid)
        assertThat(Jt808Codec.decode(bytes("7e000200050123456789017fff0f7e"), faults))
                .isNull();
        assertThat(faults.get(Fault.TRUNCATED)).isEqualTo(2);
    }

    @Test
    void impossibleTimesAndCoordinatesGiveNoPosition() {
        byte[] body = report(31.7, 119.9).encode();
        body[23] = 0x13; // month 13
        assertThat(LocationReport.decode(body).toPosition("1")).isNull();
    }

    static LocationReport report(double lat, double lon) {
        return LocationReport.of(
                new Position("1", Instant.parse("2026-11-27T00:00:00Z"), lat, lon, 30, 90, 0, 3, null, 10));
    }
}
