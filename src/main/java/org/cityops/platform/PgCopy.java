package org.cityops.platform;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.util.ClassUtils;

/**
 * The one seam to PostgreSQL's {@code COPY … FROM STDIN} (the driver's CopyManager) for bulk loads. The driver is a
 * compile dependency; {@link #supported} is false when it is absent or the connection is another database's (H2),
 * and the caller then writes with ordinary INSERTs. No driver class is touched before {@link #supported} said yes.
 */
public final class PgCopy {

    private static final boolean DRIVER =
            ClassUtils.isPresent("org.postgresql.PGConnection", PgCopy.class.getClassLoader());

    private PgCopy() {}

    /** True when {@code con} (or the pool's proxy around it) is a PostgreSQL driver connection. */
    public static boolean supported(Connection con) throws SQLException {
        return DRIVER && Driver.wraps(con);
    }

    /**
     * Runs {@code copySql} ({@code COPY table (columns) FROM STDIN}, text format) with {@code data} on {@code con}, in
     * its transaction; the rows written.
     */
    public static long copyIn(Connection con, String copySql, Reader data) throws SQLException {
        try {
            return Driver.copyIn(con, copySql, data);
        } catch (IOException e) {
            throw new SQLException("COPY: reading the rows failed", e);
        }
    }

    /** Holds the driver's types, loaded only once {@link #DRIVER} said they are there. */
    private static final class Driver {
        static boolean wraps(Connection con) throws SQLException {
            return con.isWrapperFor(PGConnection.class);
        }

        static long copyIn(Connection con, String copySql, Reader data) throws SQLException, IOException {
            return con.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data);
        }
    }
}
