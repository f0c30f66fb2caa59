package org.cityops.telemetry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One connection, one transaction, for the track store's plain-JDBC writes (COPY needs the driver's own
 * connection): committed when the work returns, rolled back when it throws, auto-commit restored either way.
 */
final class JdbcTransaction {

    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private JdbcTransaction() {}

    static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
