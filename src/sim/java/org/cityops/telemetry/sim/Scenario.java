package org.cityops.telemetry.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A named scripted scenario, played by {@code --scenario <name>} instead of the free-running fleet: scripted trucks
 * whose reports carry times from a start (so a test gets the same result at any hour).
 *
 * <p>To add one (issue 16 adds {@code sanitation}): write its scripts as a class of pure data like
 * {@link AllAlarmsScenario}, then add one entry to {@link #ALL}; the command line, {@code --start}, {@code --pace-ms},
 * {@code --codes} and the exit status come with it.
 *
 * @param name what {@code --scenario} says
 * @param defaultStart the start used without {@code --start}, from the current instant
 * @param scripts the trucks, from the start
 * @param afterword printed when every report was acknowledged (what the user should look for next)
 */
public record Scenario(
        String name,
        UnaryOperator<Instant> defaultStart,
        Function<Instant, List<TruckScript>> scripts,
        String afterword) {

    /** Every scenario the simulator knows, by name, in the order {@code --help} lists them. */
    static final Map<String, Scenario> ALL = index(List.of(
            new Scenario(
                    "all-alarms",
                    AllAlarmsScenario::defaultStart,
                    AllAlarmsScenario::scripts,
                    "every muck alarm type should now be on /muck/alarms; OFFLINE follows from the server's tick after"
                            + " offline-after (10 min)"),
            new Scenario(
                    "sanitation",
                    SanitationScenario::defaultStart,
                    SanitationScenario::scripts,
                    "on /sanitation/map for the scenario's day: 天宁长江路 1–3 and 新北通江大道 1 已完成, 钟楼长江路 1 已完成"
                            + " and 2 部分覆盖 (≈ 50 %), every other segment 未作业"),
            new Scenario(
                    "workers",
                    WorkersScenario::defaultStart,
                    WorkersScenario::scripts,
                    "on /sanitation/attendance for the scenario's day: 张桂英 在岗, 李建国 离岗 (40 min), 王秀兰 滞留,"
                            + " 赵志强 无定位, 陈美华 (午班) 在岗")));

    public static Optional<Scenario> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    private static Map<String, Scenario> index(List<Scenario> scenarios) {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        scenarios.forEach(s -> byName.put(s.name(), s));
        return byName;
    }
}
