package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cityops.catalog.CategoryUsage;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's picker asks which categories a user took in most: counted from the cases that user reported
 * (受理) in the last 180 days (index city_case_reporter_idx). Citizens all report as "public", so the public form
 * gets the citizens' most reported categories.
 */
@Component
class CaseCategoryUsage implements CategoryUsage {

    static final Duration WINDOW = Duration.ofDays(180);

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCategoryUsage(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, Long> mostUsed(String username, int limit) {
        Map<Long, Long> uses = new LinkedHashMap<>();
        if (username == null || username.isBlank() || limit <= 0) {
            return uses;
        }
        jdbc.sql("""
                SELECT category_id, COUNT(*) AS n FROM city_case
                WHERE reporter_username = :u AND created_at >= :since
                GROUP BY category_id ORDER BY n DESC, category_id LIMIT :l""")
                .param("u", username)
                .param("since", DbTime.toDb(clock.instant().minus(WINDOW)))
                .param("l", limit)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> uses.put(e.getKey(), e.getValue()));
        return uses;
    }
}
