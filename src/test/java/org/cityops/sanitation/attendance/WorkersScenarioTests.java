package org.cityops.sanitation.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.support.IntegrationTest;
import org.cityops.telemetry.internal.TelemetryGateway;
import org.cityops.telemetry.sim.ScenarioDriver;
import org.cityops.telemetry.sim.TruckScript;
import org.cityops.telemetry.sim.WorkersScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulator's {@code --scenario workers}, over real JT/T 808 TCP to the gateway of the test context: the demo
 * workers' devices walk their posts, one leaves it for 40 minutes, one stands still for 45, one stays off; the
 * attendance sheet of the scenario's day shows exactly that.
 */
@IntegrationTest
class WorkersScenarioTests {

    @Autowired
    TelemetryGateway gateway;

    @Autowired
    AttendanceSheet attendance;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theWorkersScenarioPutsOnPostOffPostStandingStillAndNoPositionOnTheSheetOfItsDay() throws Exception {
        Instant start = WorkersScenario.defaultStart(clock.instant());
        LocalDate day = WorkersScenario.day(start);
        List<TruckScript> scripts = WorkersScenario.scripts(start);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            List<ScenarioDriver.Outcome> outcomes = new ScenarioDriver(
                            group, "127.0.0.1", gateway.port(), Duration.ofSeconds(60), 0, line -> {})
                    .play(scripts);
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        int sent = scripts.stream().mapToInt(s -> s.reports().size()).sum();
        // the positions are acknowledged once stored; the observer writes them right after: wait for the last
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stored(scripts, start) < sent && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(stored(scripts, start)).isEqualTo(sent);

        Map<String, SheetStatus> byTerminal = attendance.sheet(day, StaffMember.SYSTEM).stream()
                .collect(Collectors.toMap(SheetRow::terminal, SheetRow::status, (a, b) -> a));
        for (WorkersScenario.Walker w : WorkersScenario.walkers()) {
            assertThat(byTerminal.get(w.terminal()))
                    .as(w.name())
                    .isEqualTo(SheetStatus.valueOf(w.expected().name()));
        }
        SheetRow off = attendance.sheet(day, StaffMember.SYSTEM).stream()
                .filter(r ->
                        r.terminal().equals(WorkersScenario.walkers().get(1).terminal()))
                .findFirst()
                .orElseThrow();
        assertThat(off.offPost()).as("one 离岗 stretch of 40 minutes").hasSize(1);
        assertThat(off.offPost().get(0).length().toMinutes()).isBetween(39L, 42L);
    }

    private long stored(List<TruckScript> scripts, Instant start) {
        return jdbc.sql("SELECT COUNT(*) FROM san_worker_fix WHERE terminal_phone IN (:t) AND fix_time >= :from "
                        + "AND fix_time < :to")
                .param("t", scripts.stream().map(TruckScript::terminal).toList())
                .param("from", DbTime.toDb(start))
                .param("to", DbTime.toDb(start.plus(Duration.ofDays(1))))
                .query(Long.class)
                .single();
    }
}
