package org.cityops.sanitation.attendance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.cityops.platform.DbTime;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workers' positions as their devices report them ({@link AttendanceRunner} stores them, the sheet reads them). */
@Service
public class WorkerPositions {

    /** A worker's position as fed. */
    public record Fix(String terminal, Instant time, double lat, double lon) {}

    private final JdbcClient jdbc;

    WorkerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores workers' positions; a position already stored (same terminal and time: a replay) is ignored. */
    @Transactional
    public int record(List<Fix> fixes) {
        int stored = 0;
        for (Fix f : fixes) {
            stored += jdbc.sql("INSERT INTO san_worker_fix (terminal_phone, fix_time, lat, lon) "
                            + "VALUES (:t, :time, :lat, :lon) ON CONFLICT DO NOTHING")
                    .param("t", f.terminal())
                    .param("time", DbTime.toDb(f.time()))
                    .param("lat", f.lat())
                    .param("lon", f.lon())
                    .update();
        }
        return stored;
    }

    /** A terminal's positions from {@code from} to before {@code to}, in time order, in metres of the local frame. */
    List<AttendanceRules.Fix> between(String terminal, Instant from, Instant to) {
        return jdbc.sql("SELECT fix_time, lat, lon FROM san_worker_fix "
                        + "WHERE terminal_phone = :t AND fix_time >= :from AND fix_time < :to ORDER BY fix_time")
                .param("t", terminal)
                .param("from", DbTime.toDb(from))
                .param("to", DbTime.toDb(to))
                .query((rs, n) -> {
                    Coordinate c = PostArea.FRAME.toMetres(rs.getDouble(2), rs.getDouble(3));
                    return new AttendanceRules.Fix(DbTime.fromDb(rs.getObject(1, OffsetDateTime.class)), c.x, c.y);
                })
                .list();
    }
}
