package org.cityops.org.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside the demo there are no default passwords. When the user table is empty at start-up, the first
 * administrator is created from {@code cityops.bootstrap.admin-password}, or with a random one-time password
 * printed once to the log.
 */
@Component
@Order(100)
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    FirstAdminBootstrap(
            UserAccounts accounts,
            PasswordEncoder encoder,
            @Value("${cityops.bootstrap.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = configuredPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        accounts.create(
                "admin", "系统管理员", encoder.encode(password), DataScope.CITY, null, null, Set.of(Role.ADMIN), null);
        if (generated) {
            log.warn(
                    "First administrator created: username 'admin', one-time password '{}'. Change it after "
                            + "signing in; it is not shown again.",
                    password);
        } else {
            log.info("First administrator 'admin' created from cityops.bootstrap.admin-password");
        }
    }
}
