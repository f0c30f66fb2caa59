package org.cityops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.cityops.platform.internal.DatabaseFailureAnalyzer;
import org.cityops.platform.internal.FlywayFailureAnalyzer;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class FailureAnalyzerTests {

    @Test
    void anUnreachableDatabaseIsExplainedInOneSentence() {
        SQLException cause = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(new IllegalStateException("boot", cause));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("cityops cannot reach its database");
        assertThat(analysis.getAction()).contains("CITYOPS_DB_URL");
    }

    @Test
    void anOrdinarySqlErrorIsLeftToSpring() {
        SQLException cause = new SQLException("syntax error", "42601");
        assertThat(new DatabaseFailureAnalyzer().analyze(new IllegalStateException("boot", cause)))
                .isNull();
    }

    @Test
    void aSchemaNewerThanTheCodeNamesTheUnknownMigration() {
        FlywayException cause = new FlywayException("Validate failed: Migrations have failed validation\n"
                + "Detected applied migration not resolved locally: 99.001.\n");
        FailureAnalysis analysis = new FlywayFailureAnalyzer().analyze(new IllegalStateException("boot", cause));
        assertThat(analysis.getDescription())
                .contains("newer than this version")
                .contains("99.001");
    }
}
