package org.cityops.org.admin;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh codes and names for tests that share one database. */
final class OrgTestData {

    private OrgTestData() {}

    /** A street code under {@code district} that no unit has yet (in the 5xx–9xx range the demo never uses). */
    static String freeStreetCode(JdbcClient jdbc, String district) {
        for (int i = 0; i < 200; i++) {
            String code = district + ThreadLocalRandom.current().nextInt(500, 1000);
            if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :c")
                            .param("c", code)
                            .query(Long.class)
                            .single()
                    == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free street code under " + district);
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A bearer token for a demo account from this package's own cache. (The shared {@code Api.bearer} cache is
     * left alone for accounts other suites expect to sign in fresh, e.g. leader1 in AuditTrailTests.)
     */
    static String ownBearer(org.springframework.test.web.servlet.MockMvc mvc, String user) {
        return "Bearer "
                + TOKENS.computeIfAbsent(user, u -> {
                    try {
                        String body = mvc.perform(
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                        "/api/v1/auth/token")
                                                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                                .content("{\"username\":\"" + u + "\",\"password\":\"cityops-demo\"}"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString();
                        return com.jayway.jsonpath.JsonPath.read(body, "$.access_token");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String deptCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
