package org.cityops.telemetry.sim;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code --scenario <name> [--host 127.0.0.1] [--port 7808] [--start <ISO instant>] [--pace-ms 300]
 * [--codes jt808-sim-codes.properties]}: plays one {@link Scenario}. The trucks' auth codes are kept in the codes file,
 * so a second run authenticates instead of registering again (which the platform answers with result 3).
 */
final class ScenarioCommand {

    static final int OK = 0;
    static final int INCOMPLETE = 1;
    static final int UNKNOWN_SCENARIO = 2;

    private ScenarioCommand() {}

    /** @return the process exit status: 0 when every report was acknowledged */
    static int run(String name, Map<String, String> a, PrintStream out) throws InterruptedException {
        Optional<Scenario> found = Scenario.named(name);
        if (found.isEmpty()) {
            out.printf("unknown scenario '%s'; known: %s%n", name, String.join(", ", Scenario.names()));
            return UNKNOWN_SCENARIO;
        }
        Scenario scenario = found.get();
        Instant start = a.containsKey("start")
                ? Instant.parse(a.get("start"))
                : scenario.defaultStart().apply(Instant.now());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            out.printf(
                    "scenario %s: position times from %s (%s city time)%n",
                    scenario.name(), start, start.atZone(AllAlarmsScenario.CITY).toLocalDateTime());
            AuthCodeBook codes = new AuthCodeBook(Path.of(a.getOrDefault("codes", "jt808-sim-codes.properties")));
            List<ScenarioDriver.Outcome> outcomes;
            try {
                outcomes = new ScenarioDriver(
                                group,
                                a.getOrDefault("host", "127.0.0.1"),
                                Integer.parseInt(a.getOrDefault("port", "7808")),
                                Duration.ofSeconds(10),
                                Long.parseLong(a.getOrDefault("pace-ms", "300")),
                                out::println,
                                codes)
                        .play(scenario.scripts().apply(start));
            } finally {
                codes.save();
            }
            boolean ok = outcomes.stream().allMatch(ScenarioDriver.Outcome::ok);
            out.println(
                    ok
                            ? "scenario done; " + scenario.afterword()
                            : "scenario incomplete: some reports were not acknowledged (is the demo registry loaded?)");
            return ok ? OK : INCOMPLETE;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
