package org.cityops.platform;

import java.util.Set;

/**
 * Who is performing the current operation: a staff member, a machine client, a citizen or the system itself.
 * Filled in by the security layer; read by the audit trail and by anything that records authorship.
 */
public record Actor(String username, String displayName, Set<String> roles, String clientIp) {

    public static final Actor SYSTEM = new Actor("system", "系统", Set.of("SYSTEM"), null);

    public static Actor anonymous(String clientIp) {
        return new Actor("anonymous", "公众", Set.of(), clientIp);
    }

    public String primaryRole() {
        return roles.isEmpty() ? "" : roles.stream().sorted().findFirst().orElse("");
    }
}
