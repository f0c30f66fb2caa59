package org.cityops.telemetry.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Instant;
import java.util.Random;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Codec;
import org.cityops.telemetry.jt808.LocationReport;
import org.junit.jupiter.api.Test;

class LocationFramesTests {

    @Test
    void theSimulatorsFastFramesAreByteForByteTheCodecsFramesInBothEditions() {
        Random random = new Random(7);
        for (boolean v2019 : new boolean[] {false, true}) {
            TerminalClient client = new TerminalClient("13951230001", v2019, (c, m) -> {});
            LocationFrames frames = new LocationFrames(v2019, client.phoneDigits());
            for (int i = 0; i < 2000; i++) {
                // serials and coordinates that produce 0x7e / 0x7d bytes are among these
                int serial = i == 0 ? 0x7e7d : random.nextInt(0x10000);
                double lat = Math.round((31.6 + random.nextDouble() * 0.4) * 1e6) / 1e6;
                double lon = Math.round((119.7 + random.nextDouble() * 0.5) * 1e6) / 1e6;
                double speed = Math.round(random.nextDouble() * 900) / 10.0;
                double mileage = Math.round((10_000 + random.nextDouble() * 50_000) * 10) / 10.0;
                long alarm = random.nextBoolean() ? 0 : 1L << random.nextInt(32);
                long status = 0x3 | (random.nextBoolean() ? 3 << 8 : 0);
                int direction = random.nextInt(360);
                Instant time = Instant.ofEpochSecond(1_795_000_000L + random.nextInt(10_000_000));
                Position p = new Position("13951230001", time, lat, lon, speed, direction, alarm, status, mileage, 10);

                ByteBuf fast = frames.frame(
                        UnpooledByteBufAllocator.DEFAULT,
                        serial,
                        alarm,
                        status,
                        lat,
                        lon,
                        10,
                        speed,
                        direction,
                        time,
                        mileage);
                byte[] expected = Jt808Codec.encode(
                        v2019,
                        1,
                        client.phoneDigits(),
                        Jt808.LOCATION,
                        serial,
                        LocationReport.of(p).encode());

                assertThat(ByteBufUtil.getBytes(fast))
                        .as("report %d (2019: %s)", i, v2019)
                        .isEqualTo(expected);
                fast.release();
            }
        }
    }
}
