package org.cityops.platform.internal;

import javax.sql.DataSource;
import org.cityops.platform.ClusterStore;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * One database shared by the "nodes" of a cluster test: an in-memory H2 (PostgreSQL mode, as the application's)
 * holding only the cluster migration's tables, run from the migration file itself.
 */
public final class ClusterTestDatabase {

    private ClusterTestDatabase() {}

    public static DataSource create(String name) {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        try (var c = ds.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V51_001__cluster.sql"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    /** The store one node would use ({@code cityops.cluster.store=jdbc}). */
    public static ClusterStore store(DataSource ds) {
        return new JdbcClusterStore(JdbcClient.create(ds), new DataSourceTransactionManager(ds));
    }

    /** How many announcements the nodes have made on that database. */
    public static int announcements(DataSource ds) {
        return JdbcClient.create(ds)
                .sql("SELECT COUNT(*) FROM cluster_announcement")
                .query(Integer.class)
                .single();
    }

    /** The change announcements of one node on that store, or of a single node ({@code store} null). */
    public static PolledClusterChanges changes(ClusterStore store, java.time.Clock clock) {
        return new PolledClusterChanges(store, clock);
    }
}
