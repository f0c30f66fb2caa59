package org.cityops.bench.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityops.CityopsApplication;
import org.cityops.audit.AuditChain;
import org.cityops.audit.ChainVerification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification of the audit chain with 1,000,000 entries (not a test: run it on purpose, it prints numbers; see
 * docs/benchmarks.md, section audit). Starts cityops (demo + test profiles: demo accounts, no scheduled checkpoint)
 * on the database named by CITYOPS_DB_URL, adds audit entries until there are {@code -Dentries} (default 1,000,000),
 * links them, then times: the first verification (no checkpoint yet: reads everything), the full re-verification,
 * and {@code GET /api/v1/audit/verify} over HTTP after each of five rounds of {@code -Dnew} (default 1,000) new
 * entries. Run with bench/audit/run.sh.
 */
public final class VerifyBenchmark {

    public static void main(String[] args) throws Exception {
        long target = Long.getLong("entries", 1_000_000);
        int fresh = Integer.getInteger("new", 1_000);
        ConfigurableApplicationContext ctx = new SpringApplication(CityopsApplication.class)
                .run("--spring.profiles.active=demo,test", "--server.port=0", "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            AuditChain chain = ctx.getBean(AuditChain.class);
            long have = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
            long t0 = System.nanoTime();
            insert(jdbc, Math.max(0, target - have));
            System.out.printf(
                    "inserted %,d entries in %.1f s (now %,d)%n",
                    Math.max(0, target - have),
                    sec(System.nanoTime() - t0),
                    jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class));

            t0 = System.nanoTime();
            ChainVerification first = chain.verify();
            System.out.printf(
                    "first verification (links what is pending, reads from the newest checkpoint %,d): %s,"
                            + " %,d entries read, %.2f s%n",
                    first.fromSeq(),
                    first.valid() ? "valid" : first.reason(),
                    first.entries(),
                    sec(System.nanoTime() - t0));

            t0 = System.nanoTime();
            ChainVerification full = chain.verifyFull();
            System.out.printf(
                    "full re-verification: %s, %,d entries, %.2f s%n",
                    full.valid() ? "valid" : full.reason(), full.entries(), sec(System.nanoTime() - t0));

            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String token = token(http, port);
            for (int round = 1; round <= 5; round++) {
                insert(jdbc, fresh);
                long h0 = System.nanoTime();
                HttpResponse<String> res = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/verify"))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf(
                        "GET /api/v1/audit/verify after %,d new entries: HTTP %d in %.0f ms: %s%n",
                        fresh, res.statusCode(), (System.nanoTime() - h0) / 1e6, res.body());
            }
            long h0 = System.nanoTime();
            HttpResponse<String> idle = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/verify"))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf(
                    "GET /api/v1/audit/verify with nothing new: HTTP %d in %.0f ms: %s%n",
                    idle.statusCode(), (System.nanoTime() - h0) / 1e6, idle.body());
        } finally {
            ctx.close();
        }
    }

    /** Unlinked entries shaped like case steps (the chainer links them as it links real ones). */
    private static void insert(JdbcTemplate jdbc, long n) {
        String sql = "INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action,"
                + " before_summary, after_summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Timestamp at = Timestamp.from(Instant.now());
        for (long done = 0; done < n; ) {
            int chunk = (int) Math.min(10_000, n - done);
            List<Object[]> rows = new ArrayList<>(chunk);
            for (int i = 0; i < chunk; i++) {
                long k = done + i;
                rows.add(new Object[] {
                    at,
                    "dispatcher" + (k % 50),
                    "DISPATCHER",
                    "10.0.0." + (k % 250),
                    "CASE",
                    "2026" + String.format("%08d", k % 10_000_000),
                    "DISPATCH",
                    "status=FILED",
                    "status=DISPATCHED dept=D" + (k % 40)
                });
            }
            jdbc.batchUpdate(sql, rows);
            done += chunk;
        }
    }

    private static String token(HttpClient http, int port) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"admin\",\"password\":\"cityops-demo\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return com.jayway.jsonpath.JsonPath.read(body, "$.access_token");
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
