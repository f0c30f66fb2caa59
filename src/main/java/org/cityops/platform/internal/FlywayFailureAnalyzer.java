package org.cityops.platform.internal;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a schema the code does not know (e.g. a database migrated by a newer cityops) or a failed
 * migration, in one paragraph.
 */
public class FlywayFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("not resolved locally") || message.contains("newer")) {
            return new FailureAnalysis(
                    "The database schema is newer than this version of cityops: "
                            + lineWith(message, "not resolved locally"),
                    "Run the cityops version that migrated this database (or newer). Never downgrade a database.",
                    cause);
        }
        return new FailureAnalysis(
                "Database migration failed: " + firstLine(message),
                "Read the Flyway message above; fix the database or the migration and start again. "
                        + "Nothing was half-applied: each migration runs in its own transaction.",
                cause);
    }

    private static String lineWith(String s, String needle) {
        for (String line : s.split("\n")) {
            if (line.contains(needle)) {
                return line.trim();
            }
        }
        return firstLine(s);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i) + " …";
    }
}
