package org.cityops.org.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.org.ApiClients;
import org.cityops.org.internal.demo.DemoSecrets;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, start-up stops (before the web server opens) while a demo secret is in use: the
 * demo profile active as well, the first administrator's configured password being the demo password, an account
 * whose password is the demo password, or an enabled demo machine key. Accounts checked: every account named like
 * one the demo creates, and every account whose password hash it shares with another account (BCrypt hashes are
 * salted, so only copied hashes are shared, as the demo seeder's are); checking every account's hash would cost a
 * BCrypt computation per account at each start.
 */
@Component
class ProductionGuard implements SmartInitializingSingleton {

    private final Environment env;
    private final UserAccounts accounts;
    private final ApiClients clients;
    private final PasswordEncoder encoder;
    private final String bootstrapPassword;

    ProductionGuard(
            Environment env,
            UserAccounts accounts,
            ApiClients clients,
            PasswordEncoder encoder,
            @Value("${cityops.bootstrap.admin-password:}") String bootstrapPassword) {
        this.env = env;
        this.accounts = accounts;
        this.clients = clients;
        this.encoder = encoder;
        this.bootstrapPassword = bootstrapPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!env.matchesProfiles("prod")) {
            return;
        }
        List<String> findings = findings();
        if (!findings.isEmpty()) {
            throw new DemoSecretsInProductionException(findings);
        }
    }

    /** What would stop a production start, one line each (empty when none). */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        if (env.matchesProfiles("demo")) {
            findings.add("the demo profile is active together with prod (spring.profiles.active)");
        }
        if (DemoSecrets.PASSWORD.equals(bootstrapPassword)) {
            findings.add("cityops.bootstrap.admin-password (CITYOPS_ADMIN_PASSWORD) is the demo password");
        }
        Set<String> demoNames = new HashSet<>(DemoSecrets.usernames());
        List<String> withDemoPassword = new ArrayList<>();
        for (Map.Entry<String, List<String>> e :
                accounts.usernamesByPasswordHash().entrySet()) {
            boolean candidate = e.getValue().size() > 1 || e.getValue().stream().anyMatch(demoNames::contains);
            if (candidate && matchesDemoPassword(e.getKey())) {
                withDemoPassword.addAll(e.getValue());
            }
        }
        if (!withDemoPassword.isEmpty()) {
            withDemoPassword.sort(null);
            String names = withDemoPassword.size() <= 12
                    ? String.join(", ", withDemoPassword)
                    : String.join(", ", withDemoPassword.subList(0, 12)) + " … (" + withDemoPassword.size()
                            + " in all)";
            findings.add("accounts with the demo password: " + names);
        }
        if (clients.authenticate(DemoSecrets.OPEN311_KEY, ApiClients.Purpose.OPEN311)
                .isPresent()) {
            findings.add("the demo Open311 api_key is enabled");
        }
        if (clients.authenticate(DemoSecrets.TELEMETRY_KEY, ApiClients.Purpose.TELEMETRY_INGEST)
                .isPresent()) {
            findings.add("the demo telemetry X-Api-Key is enabled");
        }
        for (String key : DemoSecrets.PARKING_KEYS) {
            if (clients.authenticate(key, ApiClients.Purpose.PARKING_COUNTS).isPresent()) {
                findings.add("a demo shared-bike operator X-Api-Key is enabled");
                break;
            }
        }
        return findings;
    }

    private boolean matchesDemoPassword(String hash) {
        try {
            return hash != null && encoder.matches(DemoSecrets.PASSWORD, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
