package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * telemetry: on PostgreSQL, re-creates the (still empty) telemetry_position as a table partitioned by day
 * (RANGE on reported_at); the writer creates each day's partition before its first row and the retention job
 * drops whole days. On H2 nothing changes (a plain table, retention by DELETE).
 */
public class V9_002__partition_telemetry_positions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE telemetry_position");
            s.execute("""
                    CREATE TABLE telemetry_position (
                        terminal    VARCHAR(20) NOT NULL,
                        reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        lat         DOUBLE PRECISION NOT NULL,
                        lon         DOUBLE PRECISION NOT NULL,
                        speed_kmh   REAL NOT NULL,
                        direction   SMALLINT NOT NULL,
                        alarm_bits  BIGINT NOT NULL,
                        status_bits BIGINT NOT NULL,
                        mileage_km  DOUBLE PRECISION,
                        altitude_m  INTEGER,
                        received_at TIMESTAMP WITH TIME ZONE NOT NULL,
                        PRIMARY KEY (terminal, reported_at)
                    ) PARTITION BY RANGE (reported_at)""");
        }
    }
}
