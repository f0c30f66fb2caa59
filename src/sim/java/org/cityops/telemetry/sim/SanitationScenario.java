package org.cityops.telemetry.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cityops.sanitation.demo.DemoRoadNetwork;
import org.cityops.sanitation.demo.DemoRoadNetwork.DemoSegment;
import org.cityops.telemetry.Position;

/**
 * The sanitation scenario ({@code --scenario sanitation}): demo sweepers on the synthetic demo road network, inside
 * the demo plan's morning window (05:00–11:00), a report every 5 s at 8 km/h with the brush on (status bit
 * {@link DemoRoadNetwork#WORK_BIT}).
 *
 * <table>
 * <caption>vehicles and what they do</caption>
 * <tr><td>13951240001 苏D·H4001</td><td>sweeps 天宁长江路 segments 1–3 end to end</td><td>three segments 已完成</td></tr>
 * <tr><td>13951240002 苏D·H4002</td><td>sweeps 钟楼长江路 segment 1, half of segment 2, then drives on with the brush
 * off at 30 km/h</td><td>one 已完成, one 部分覆盖 (≈ 50 %)</td></tr>
 * <tr><td>13951240003 苏D·H4003</td><td>sweeps 新北通江大道 segment 1 southwards</td><td>已完成</td></tr>
 * </table>
 * Every other demo segment stays 未作业.
 */
public final class SanitationScenario {

    public static final Duration DURATION = Duration.ofMinutes(30);
    static final long ON = 0b11L | 1L << DemoRoadNetwork.WORK_BIT;
    static final long OFF = 0b11L;
    static final int EVERY_S = 5;

    private SanitationScenario() {}

    /** The last 08:00 city time such that the whole script lies before {@code now}. */
    public static Instant defaultStart(Instant now) {
        ZonedDateTime local = now.minus(DURATION).atZone(AllAlarmsScenario.CITY);
        ZonedDateTime eight = local.with(LocalTime.of(8, 0));
        return (eight.isAfter(local) ? eight.minusDays(1) : eight).toInstant();
    }

    public static List<TruckScript> scripts(Instant start) {
        List<TruckScript> all = new ArrayList<>();
        Drive a = new Drive(0, start);
        for (int i = 1; i <= 3; i++) {
            a.along(DemoRoadNetwork.segment("DL-320402-EW1-" + i), 0, 1, 8, ON);
        }
        all.add(a.script("天宁长江路 1–3 段全程清扫 three segments swept end to end"));
        Drive b = new Drive(1, start);
        b.along(DemoRoadNetwork.segment("DL-320404-EW1-1"), 0, 1, 8, ON);
        b.along(DemoRoadNetwork.segment("DL-320404-EW1-2"), 0, 0.5, 8, ON);
        b.along(DemoRoadNetwork.segment("DL-320404-EW1-2"), 0.5, 1, 30, OFF);
        all.add(b.script("钟楼长江路 1 段全程、2 段半程后收刷 one segment fully, the next half"));
        Drive c = new Drive(2, start);
        c.along(DemoRoadNetwork.segment("DL-320411-NS1-1"), 0, 1, 8, ON);
        all.add(c.script("新北通江大道 1 段全程清扫 one segment southwards"));
        return all;
    }

    private static final class Drive {
        final String terminal;
        final String plate;
        final List<Position> out = new ArrayList<>();
        Instant t;

        Drive(int vehicle, Instant start) {
            this.terminal = DemoRoadNetwork.terminal(vehicle);
            this.plate = DemoRoadNetwork.plate(vehicle);
            this.t = start;
        }

        /** Drives the part [from, to] (fractions of its length) of a straight demo segment. */
        Drive along(DemoSegment s, double from, double to, double speedKmh, long status) {
            double dLat = s.lat2() - s.lat1();
            double dLon = s.lon2() - s.lon1();
            double metres = Math.hypot(dLat * 111_000, dLon * 111_000 * Math.cos(Math.toRadians(s.lat1())));
            double step = speedKmh / 3.6 * EVERY_S / metres;
            int heading =
                    (int) Math.round((Math.toDegrees(Math.atan2(dLon * Math.cos(Math.toRadians(s.lat1())), dLat)) + 360)
                            % 360);
            for (double f = from; f < to; f += step) {
                out.add(new Position(
                        terminal, t, s.lat1() + f * dLat, s.lon1() + f * dLon, speedKmh, heading, 0, status, null, 8));
                t = t.plusSeconds(EVERY_S);
            }
            return this;
        }

        TruckScript script(String story) {
            // one last report with the brush off, so the run ends where the vehicle is
            Position last = out.get(out.size() - 1);
            out.add(new Position(terminal, t, last.lat(), last.lon(), 0, last.direction(), 0, OFF, null, 8));
            return new TruckScript(terminal, plate, story, List.copyOf(out), false);
        }
    }
}
