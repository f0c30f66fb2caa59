package org.cityops.org.admin;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh codes and names for tests that share one database. */
final class OrgTestData {

    private OrgTestData() {
    }

    /** A street code under {@code district} that no unit has yet (in the 5xx–9xx range the demo never uses). */
    static String freeStreetCode(JdbcClient jdbc, String district) {
        for (int i = 0; i < 200; i++) {
            String code = district + ThreadLocalRandom.current().nextInt(500, 1000);
            if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :c").param("c", code).query(Long.class)
                    .single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free street code under " + district);
    }

    static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String deptCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
