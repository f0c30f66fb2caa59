package org.cityops.org.internal.security;

import java.time.Clock;
import java.time.Instant;
import org.cityops.org.internal.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    StaffUserDetailsService(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(a -> {
                    boolean nonLocked =
                            a.lockedUntil() == null || a.lockedUntil().isBefore(Instant.now(clock));
                    return new StaffPrincipal(
                            a.staff(), a.passwordHash(), a.enabled(), nonLocked, a.credentialsChangedAt());
                })
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
