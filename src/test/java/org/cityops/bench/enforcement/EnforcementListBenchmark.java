package org.cityops.bench.enforcement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.org.StaffMember;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (the name does not end in Tests; run on purpose): 10,000 open enforcement cases, then the handler's
 * list (first page of 50, nearest limit first, live clocks computed from each row's events) timed 200 times.
 *
 * <p>Run: {@code ./mvnw -B -o -q test -Dtest=EnforcementListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (H2; set CITYOPS_DB_URL for PostgreSQL). Prints p50/p95/max in ms.
 */
@IntegrationTest
class EnforcementListBenchmark {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EnforcementCases cases;

    @Test
    void list_of_ten_thousand_open_cases() {
        LocalDate today = cases.today();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 10_000;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate discovered = today.minusDays(i % 80);
            rows.add(new Object[] {
                "BENCH" + i,
                "PATROL",
                "PERSON",
                "压测当事人" + i,
                "11010519491231002X",
                "SR-001",
                "占道经营",
                "压测案情",
                31.80715,
                119.93837,
                "320402001001001",
                "320402",
                discovered,
                "enforce1",
                "NOTIFIED",
                "GENERAL",
                200,
                "DECISION",
                discovered.plusDays(90),
                now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO enf_case (case_number, source, party_kind, party_name, party_id, item_code, item_name,"
                        + " description, lat, lon, grid_code, district_code, discovered_on, handler, stage, tier, fine,"
                        + " next_clock, next_due_on, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows);
        jdbc.update(
                "INSERT INTO enf_case_event (case_id, seq, step, on_date, recorded_at, actor)"
                        + " SELECT id, 1, 'FILE', discovered_on, created_at, 'bench' FROM enf_case WHERE case_number LIKE 'BENCH%'");
        jdbc.update("INSERT INTO enf_case_event (case_id, seq, step, on_date, recorded_at, actor, tier, fine, fine_min,"
                + " fine_max) SELECT id, 2, 'NOTIFY', discovered_on, created_at, 'bench', 'GENERAL', 200, 100, 300"
                + " FROM enf_case WHERE case_number LIKE 'BENCH%'");
        for (int i = 0; i < 30; i++) { // warm-up
            cases.list(StaffMember.SYSTEM, null, true, i % 5, 50);
        }
        long[] ms = new long[200];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            var page = cases.list(StaffMember.SYSTEM, null, true, i % 5, 50);
            ms[i] = (System.nanoTime() - t) / 1_000;
            if (page.rows().size() != 50) {
                throw new IllegalStateException("page not full");
            }
        }
        Arrays.sort(ms);
        System.out.printf(
                "ENFORCEMENT LIST (10,000 open, page of 50 with live clocks): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                ms[100] / 1000.0, ms[190] / 1000.0, ms[199] / 1000.0);
        jdbc.update(
                "DELETE FROM enf_case_event WHERE case_id IN (SELECT id FROM enf_case WHERE case_number LIKE 'BENCH%')");
        jdbc.update("DELETE FROM enf_case WHERE case_number LIKE 'BENCH%'");
    }
}
