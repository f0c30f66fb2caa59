package org.cityops.telemetry.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioCommandTests {

    @Test
    void anUnknownScenarioIsRefusedWithTheKnownNamesAndNoConnection() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int status = ScenarioCommand.run(
                "no-such-scenario", Map.of("port", "1"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ScenarioCommand.UNKNOWN_SCENARIO);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("unknown scenario 'no-such-scenario'")
                .contains("all-alarms");
    }

    @Test
    void allAlarmsIsRegisteredUnderItsCommandLineNameWithItsScripts() {
        Instant start = Instant.parse("2026-03-02T01:00:00Z");

        Scenario allAlarms = Scenario.named("all-alarms").orElseThrow();

        assertThat(allAlarms.scripts().apply(start)).isEqualTo(AllAlarmsScenario.scripts(start));
        assertThat(allAlarms.defaultStart().apply(start)).isEqualTo(AllAlarmsScenario.defaultStart(start));
    }
}
