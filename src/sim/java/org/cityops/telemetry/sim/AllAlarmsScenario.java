package org.cityops.telemetry.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cityops.telemetry.Position;

/**
 * The "all alarms" scenario (`--scenario all-alarms`): scripted drives of demo trucks through the demo city's registry
 * (常州: the sites, disposal sites, permits and zones of the demo profile) so that the muck alarm engine raises every
 * alarm type at least once. Pure data: the positions carry times from a given start, so a test gets the same
 * result at any hour; {@link ScenarioDriver} sends them over JT/T 808.
 *
 * <p>The script needs daytime (07:00–19:00 city time: the school zone's window, outside the 20:00–06:00 permits);
 * {@link #defaultStart} picks the last 09:00 that lies at least {@link #DURATION} in the past.
 *
 * <table>
 * <caption>trucks and what they do</caption>
 * <tr><td>13951230011 苏D·M3611</td><td>empty, sets alarm bits 0, 8, 5, 4 one after another</td>
 * <td>TERMINAL_EMERGENCY, TERMINAL_POWER_CUT, TERMINAL_ANTENNA_CUT, TERMINAL_TAMPERING</td></tr>
 * <tr><td>13951230012 苏D·M3612</td><td>empty, 80 km/h in 新北 (outside the speed zones) for 40 s</td><td>SPEEDING</td></tr>
 * <tr><td>13951230013 苏D·M3613</td><td>empty, crosses the school no-go zone at 09:0x</td><td>FORBIDDEN_ZONE</td></tr>
 * <tr><td>13951230006 苏D·M3606</td><td>loads at 新北 site and leaves in daytime (permit 20:00–06:00)</td>
 * <td>FORBIDDEN_TIME</td></tr>
 * <tr><td>13951230004 苏D·M3604</td><td>loads at 武进 site (all-day permit), follows the corridor to the disposal
 * site, drives on north past it and tips the load by a field</td><td>ROUTE_DEVIATION, ILLEGAL_UNLOADING</td></tr>
 * <tr><td>13951230028 苏D·M3628</td><td>no permit, drives loaded</td><td>NO_PERMIT</td></tr>
 * <tr><td>13951230014 苏D·M3614</td><td>武进 all-day permit, leaves loaded with the lid open (status bit 17)</td>
 * <td>UNSEALED</td></tr>
 * <tr><td>13951230009 苏D·M3609</td><td>武进 all-day permit; reports once, logs out and stays silent</td>
 * <td>OFFLINE (the server's tick, {@code offline-after} later)</td></tr>
 * </table>
 */
public final class AllAlarmsScenario {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** The scripted drives span less than this (position times from the start). */
    public static final Duration DURATION = Duration.ofMinutes(40);

    static final long EMPTY = 0b11; // ACC on, positioned
    static final long FULL = EMPTY | 0b11L << 8;

    public static final String TERMINALS_BITS = "13951230011";
    public static final String SPEEDER = "13951230012";
    public static final String ZONE_INTRUDER = "13951230013";
    public static final String NIGHT_PERMIT_BY_DAY = "13951230006";
    public static final String DEVIATOR_AND_DUMPER = "13951230004";
    public static final String WITHOUT_PERMIT = "13951230028";
    public static final String GOES_OFFLINE = "13951230009";
    public static final String LID_OPEN = "13951230014";
    /** The status bit the demo terminals use for an open lid (cityops.muck.alarm.lid-open-status-bit in the demo). */
    public static final int LID_OPEN_BIT = 17;

    private AllAlarmsScenario() {}

    /** The demo plate of a demo terminal (13951230001 → 苏D·M3601). */
    public static String demoPlate(String terminal) {
        return "苏D·M" + (3600 + (Long.parseLong(terminal) - 13951230000L));
    }

    /** The last 09:00 city time such that the whole script lies before {@code now}. */
    public static Instant defaultStart(Instant now) {
        ZonedDateTime local = now.minus(DURATION).atZone(CITY);
        ZonedDateTime nine = local.with(LocalTime.of(9, 0));
        return (nine.isAfter(local) ? nine.minusDays(1) : nine).toInstant();
    }

    public static List<TruckScript> scripts(Instant start) {
        List<TruckScript> all = new ArrayList<>();
        all.add(terminalBits(start));
        all.add(speeder(start));
        all.add(zoneIntruder(start));
        all.add(nightPermitByDay(start));
        all.add(deviatorAndDumper(start));
        all.add(withoutPermit(start));
        all.add(goesOffline(start));
        all.add(lidOpen(start));
        return all;
    }

    private static final class Track {
        final String terminal;
        final Instant start;
        final List<Position> out = new ArrayList<>();
        int second;

        Track(String terminal, Instant start) {
            this.terminal = terminal;
            this.start = start;
        }

        Track at(int seconds, double lat, double lon, double speed, long status, long alarm) {
            second = seconds;
            out.add(new Position(terminal, start.plusSeconds(seconds), lat, lon, speed, 90, alarm, status, null, 8));
            return this;
        }

        Track then(int afterSeconds, double lat, double lon, double speed, long status) {
            return at(second + afterSeconds, lat, lon, speed, status, 0);
        }

        TruckScript script(String story, boolean silent) {
            return new TruckScript(terminal, demoPlate(terminal), story, List.copyOf(out), silent);
        }
    }

    static TruckScript terminalBits(Instant start) {
        Track t = new Track(TERMINALS_BITS, start);
        double lat = 31.840;
        t.at(0, lat, 119.970, 20, EMPTY, 0);
        t.at(10, lat, 119.971, 20, EMPTY, 1L); // emergency
        t.at(20, lat, 119.972, 20, EMPTY, 1L << 8); // main power lost
        t.at(30, lat, 119.973, 20, EMPTY, 1L << 5); // GNSS antenna cut
        t.at(40, lat, 119.974, 20, EMPTY, 1L << 4); // GNSS module fault
        t.at(50, lat, 119.975, 20, EMPTY, 0);
        return t.script("终端报警位 0/8/5/4 terminal alarm bits", false);
    }

    static TruckScript speeder(Instant start) {
        Track t = new Track(SPEEDER, start);
        double lat = 31.832; // 新北, inside the demo grid (so the alarm can become a case), outside the speed zones
        t.at(0, lat, 119.889, 50, EMPTY, 0);
        for (int i = 1; i <= 4; i++) {
            t.then(10, lat, 119.889 + i * 0.0024, 80, EMPTY); // ≈ 80 km/h for 40 s, default limit 60
        }
        t.then(10, lat, 119.9005, 40, EMPTY);
        return t.script("城区道路 80 km/h 超速 speeding", false);
    }

    static TruckScript zoneIntruder(Instant start) {
        Track t = new Track(ZONE_INTRUDER, start);
        double lat = 31.785; // the school no-go zone: 31.781–31.789 N, 119.951–119.959 E, 07:00–19:00
        double[] lons = {119.945, 119.949, 119.953, 119.957, 119.962};
        for (int i = 0; i < lons.length; i++) {
            t.at(i * 30, lat, lons[i], 20, EMPTY, 0);
        }
        return t.script("上午穿越学校禁行区 no-go zone in its window", false);
    }

    static TruckScript nightPermitByDay(Instant start) {
        Track t = new Track(NIGHT_PERMIT_BY_DAY, start);
        double lat = 31.830; // 新北 site, permit 20:00–06:00, route west along 31.830 N then north
        t.at(0, lat, 119.960, 0, EMPTY, 0);
        t.then(60, lat, 119.9605, 0, FULL); // loaded in the site
        t.then(30, lat, 119.955, 30, FULL);
        t.then(30, lat, 119.950, 30, FULL);
        t.then(30, lat, 119.945, 30, FULL);
        return t.script("白天运输 (核准 20:00–06:00) transport outside the permit's hours", false);
    }

    static TruckScript deviatorAndDumper(Instant start) {
        Track t = new Track(DEVIATOR_AND_DUMPER, start);
        double lat =
                31.700; // 武进 site, all-day permit, route west along 31.700 N to 119.900, north to the disposal site
        t.at(0, lat, 119.955, 0, EMPTY, 0);
        t.then(60, lat, 119.9552, 0, FULL); // loaded in the site
        for (int i = 1; i <= 11; i++) {
            t.then(60, lat, 119.955 - i * 0.005, 28, FULL); // west along the corridor, ≈ 470 m a minute
        }
        for (int i = 1; i <= 5; i++) {
            t.then(60, lat + i * 0.005, 119.900, 28, FULL); // north through the disposal site (31.717–31.723) ...
        }
        for (int i = 6; i <= 12; i++) {
            t.then(60, lat + i * 0.005, 119.900, 28, FULL); // ... and on past it: off the corridor
        }
        t.then(60, 31.764, 119.910, 28, FULL);
        t.then(60, 31.767, 119.921, 20, FULL);
        t.then(30, 31.767, 119.921, 0, FULL); // stops by a field in 武进 ...
        t.then(60, 31.767, 119.921, 0, EMPTY); // ... and tips the load there
        t.then(30, 31.769, 119.921, 30, EMPTY); // drives off
        return t.script("驶过消纳场不卸，偏离核准路线后在田边倾倒 passes the disposal site, leaves the corridor, dumps", false);
    }

    static TruckScript withoutPermit(Instant start) {
        Track t = new Track(WITHOUT_PERMIT, start);
        double lat = 31.828; // 新北, inside the demo grid
        for (int i = 0; i < 4; i++) {
            t.at(i * 30, lat, 119.889 + i * 0.004, 30, FULL, 0);
        }
        return t.script("无核准载货行驶 loaded without a permit", false);
    }

    static TruckScript lidOpen(Instant start) {
        Track t = new Track(LID_OPEN, start);
        long open = 1L << LID_OPEN_BIT;
        double lat = 31.700; // 武进 site, all-day permit: loads, leaves along the corridor with the lid open
        t.at(0, lat, 119.9545, 0, EMPTY | open, 0);
        t.then(60, lat, 119.9548, 0, FULL | open);
        t.then(30, lat, 119.950, 28, FULL | open);
        t.then(30, lat, 119.946, 28, FULL | open);
        t.then(30, lat, 119.942, 28, FULL); // the driver shuts the lid
        return t.script("开盖重车上路 leaves loaded with the lid open", false);
    }

    static TruckScript goesOffline(Instant start) {
        Track t = new Track(GOES_OFFLINE, start);
        t.at(0, 31.700, 119.956, 0, EMPTY, 0); // in the 武进 site, whose permit is valid all day
        return t.script("报一次位置后离线 reports once, then stays silent", true);
    }
}
