package org.cityops.telemetry.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityops.sanitation.demo.DemoRoadNetwork;
import org.cityops.sanitation.demo.DemoRoadNetwork.DemoSegment;
import org.cityops.telemetry.Position;

/**
 * The workers scenario ({@code --scenario workers}): the demo workers' devices (JT/T 808 personal terminals
 * 13951260001–005; no plate is bound to them, so they register with a placeholder "ZY0001"…) on a day the demo data leaves empty (three days before today, city time), one report
 * every {@value #EVERY_MIN} minutes through the whole shift, on the demo posts (strips ≈ 30 m either side of 天宁长江路
 * 1–3).
 *
 * <table>
 * <caption>workers and what their devices do</caption>
 * <tr><td>13951260001 张桂英, 早班 05:00–11:00, post 1</td><td>walks the post to and fro</td><td>在岗</td></tr>
 * <tr><td>13951260002 李建国, 早班, post 2</td><td>walks the post, 07:00–07:40 170 m north of it</td><td>离岗 (one
 * stretch of 40 min)</td></tr>
 * <tr><td>13951260003 王秀兰, 早班, post 3</td><td>walks the post, 08:00–08:45 stands still in its middle</td><td>滞留</td></tr>
 * <tr><td>13951260004 赵志强, 早班, post 1</td><td>device off: no report</td><td>无定位</td></tr>
 * <tr><td>13951260005 陈美华, 午班 13:00–19:00, post 2</td><td>walks the post</td><td>在岗</td></tr>
 * </table>
 */
public final class WorkersScenario {

    static final int EVERY_MIN = 2;
    /** located, no other status bit: a personal terminal has no ACC or work bit */
    static final long LOCATED = 0b10L;

    /** What the scenario makes of each worker's shift on the attendance sheet (by demo terminal). */
    public enum Expected {
        ON_POST,
        OFF_POST,
        STILL,
        NO_POSITION
    }

    /** A demo worker: terminal, name, post (0–2 along 天宁长江路), shift start hour, behaviour. */
    public record Walker(String terminal, String name, int post, int startHour, Expected expected) {}

    public static List<Walker> walkers() {
        return List.of(
                new Walker(terminal(0), "张桂英", 0, 5, Expected.ON_POST),
                new Walker(terminal(1), "李建国", 1, 5, Expected.OFF_POST),
                new Walker(terminal(2), "王秀兰", 2, 5, Expected.STILL),
                new Walker(terminal(3), "赵志强", 0, 5, Expected.NO_POSITION),
                new Walker(terminal(4), "陈美华", 1, 13, Expected.ON_POST));
    }

    static String terminal(int i) {
        return String.format(Locale.ROOT, "1395126%04d", i + 1);
    }

    private WorkersScenario() {}

    /** 00:00 city time three days before {@code now}: a day the demo seeder (yesterday and today) leaves empty. */
    public static Instant defaultStart(Instant now) {
        LocalDate day = now.atZone(AllAlarmsScenario.CITY).toLocalDate().minusDays(3);
        return day.atStartOfDay(AllAlarmsScenario.CITY).toInstant();
    }

    /** The day the scenario's positions fall on. */
    public static LocalDate day(Instant start) {
        return start.atZone(AllAlarmsScenario.CITY).toLocalDate();
    }

    public static List<TruckScript> scripts(Instant start) {
        LocalDate day = day(start);
        List<DemoSegment> roads = DemoRoadNetwork.segments().stream()
                .filter(s -> s.code().startsWith("DL-320402-EW1-"))
                .toList();
        List<TruckScript> out = new ArrayList<>();
        for (Walker w : walkers()) {
            if (w.expected() == Expected.NO_POSITION) {
                continue;
            }
            DemoSegment road = roads.get(w.post());
            Instant from = day.atTime(LocalTime.of(w.startHour(), 0))
                    .atZone(AllAlarmsScenario.CITY)
                    .toInstant();
            List<Position> reports = new ArrayList<>();
            for (int m = 0; m < 6 * 60; m += EVERY_MIN) {
                double phase = (m % 40) / 20.0; // 40 minutes there and back
                double frac = phase <= 1 ? phase : 2 - phase;
                double lon = road.lon1() + (road.lon2() - road.lon1()) * (0.05 + 0.9 * frac);
                double lat = road.lat1() + ((m / EVERY_MIN % 3) - 1) * 0.00005;
                if (w.expected() == Expected.OFF_POST && m >= 120 && m < 160) {
                    lat = road.lat1() + 0.0015; // ≈ 170 m north, outside the strip
                }
                if (w.expected() == Expected.STILL && m >= 180 && m < 226) {
                    lon = road.lon1() + (road.lon2() - road.lon1()) * 0.5;
                    lat = road.lat1();
                }
                reports.add(
                        new Position(w.terminal(), from.plusSeconds(60L * m), lat, lon, 3, 90, 0, LOCATED, null, 8));
            }
            // a personal terminal has no plate; the platform binds none to it and takes any non-blank one
            out.add(new TruckScript(
                    w.terminal(),
                    "ZY" + w.terminal().substring(7),
                    w.name() + " → " + w.expected(),
                    List.copyOf(reports),
                    false));
        }
        return out;
    }
}
