package org.cityops.platform.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Fails fast with a plain message when the database cannot be reached, instead of a page of stack trace.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        boolean connect = hasCause(rootFailure, ConnectException.class)
                || "08001".equals(cause.getSQLState())
                || "08006".equals(cause.getSQLState())
                || "3D000".equals(cause.getSQLState())
                || "28000".equals(cause.getSQLState());
        if (!connect) {
            return null;
        }
        return new FailureAnalysis(
                "cityops cannot reach its database: " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")",
                "Check CITYOPS_DB_URL (spring.datasource.url), user and password, and that the database exists and "
                        + "accepts connections. Without CITYOPS_DB_URL cityops uses its embedded H2 database under ./data/.",
                cause);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
