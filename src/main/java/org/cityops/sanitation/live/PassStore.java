package org.cityops.sanitation.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.cityops.platform.DbTime;
import org.cityops.sanitation.coverage.PassUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes changed passes ({@code san_pass}), one row per pass key: an update of an existing pass, else an insert, all
 * of a flush in one transaction. A replayed pass has the same key and overwrites itself with the same values.
 */
@Component
class PassStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    PassStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    void write(Collection<PassUpdate> passes, ZoneId zone) {
        if (passes.isEmpty()) {
            return;
        }
        List<PassUpdate> list = new ArrayList<>(passes);
        tx.executeWithoutResult(s -> {
            for (PassUpdate p : list) {
                int n = jdbc.sql("""
                        UPDATE san_pass SET ended_at = :end, intervals = :iv, covered_m = :cm, coverage = :cov,
                          closed = :closed WHERE pass_key = :key""")
                        .param("end", DbTime.toDb(p.end()))
                        .param("iv", p.covered().format())
                        .param("cm", round(p.coveredMetres(), 2))
                        .param("cov", round(p.coverage(), 4))
                        .param("closed", p.closed())
                        .param("key", p.key())
                        .update();
                if (n == 0) {
                    jdbc.sql("""
                            INSERT INTO san_pass (pass_key, segment_id, terminal_phone, plate, work_day, started_at,
                              ended_at, intervals, covered_m, coverage, closed)
                            VALUES (:key, :seg, :t, :plate, :day, :start, :end, :iv, :cm, :cov, :closed)""")
                            .param("key", p.key())
                            .param("seg", p.segmentId())
                            .param("t", p.terminal())
                            .param("plate", p.plate())
                            .param("day", p.start().atZone(zone).toLocalDate())
                            .param("start", DbTime.toDb(p.start()))
                            .param("end", DbTime.toDb(p.end()))
                            .param("iv", p.covered().format())
                            .param("cm", round(p.coveredMetres(), 2))
                            .param("cov", round(p.coverage(), 4))
                            .param("closed", p.closed())
                            .update();
                }
            }
        });
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }
}
